// The oral edition end to end: the sample content is built once per speech engine (a shared
// beforeAll), then the files are checked like a listener's player would: sox reads the
// MP3, its length matches the script, the tags say what voice speaks.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../src/pipeline/build.js';
import { tagMp3 } from '../src/render/audio/encode/id3.js';
import { encodeMp3 } from '../src/render/audio/encode/mp3.js';
import { embeddedEngine } from '../src/render/audio/speech/embedded-engine.js';
import { loadSpeechData } from '../src/render/audio/speech-data.js';
import { readCatalog } from '../src/render/catalog/read-catalog.js';
import { tempDir } from './support/cli.js';
import { REPO } from './support/fixtures.js';
import { speakInProcess } from './support/speech-process.js';

const ENGINES = ['embedded', 'native'] as const;
const SAMPLE = ['id', 'jv'].flatMap((lang) =>
  readdirSync(join(REPO, 'content', lang))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `${lang}/${name.slice(0, -3)}`),
);
const out: Record<string, string> = {};

beforeAll(async () => {
  for (const engine of ENGINES) {
    out[engine] = tempDir(`pelita-audio-${engine}-`);
    const result = await runBuild({
      contentDir: join(REPO, 'content'),
      outDir: out[engine],
      settings: { speechEngine: engine },
    });
    expect(result.failed).toBe(0);
  }
}, 900_000);

/** Seconds of speech expected from a script: eSpeak NG at 150 words a minute says about 4.4 syllables a second. */
function estimateSeconds(script: string): number {
  const syllables = script.match(/[aiueo]+/gi)?.length ?? 0;
  return syllables / 4.4;
}

function soxi(file: string, flag: string): string {
  return execFileSync('soxi', [flag, file], { encoding: 'utf8' }).trim();
}

/** ID3v2.3 text frames, read by hand so the test does not trust the writer that made them. */
function id3Frames(mp3: Buffer): Map<string, string> {
  expect(mp3.subarray(0, 3).toString('latin1')).toBe('ID3');
  const size = (mp3[6]! << 21) | (mp3[7]! << 14) | (mp3[8]! << 7) | mp3[9]!;
  const frames = new Map<string, string>();
  for (let offset = 10; offset + 10 <= 10 + size; ) {
    const id = mp3.subarray(offset, offset + 4).toString('latin1');
    const length = mp3.readUInt32BE(offset + 4);
    if (!/^[A-Z0-9]{4}$/.test(id) || length === 0) break;
    const body = mp3.subarray(offset + 10, offset + 10 + length);
    // COMM: encoding, 3-letter language, then description and text; text frames: encoding, text.
    const start = id === 'COMM' ? 4 : 1;
    const text = body[0] === 1 ? body.subarray(start).toString('utf16le') : body.subarray(start).toString('latin1');
    frames.set(
      id,
      text
        .replace(/^\uFEFF/, '')
        .replace(/\uFEFF/g, '')
        .replace(/\0/g, '|'),
    );
    offset += 10 + length;
  }
  return frames;
}

describe.each(ENGINES)('the %s engine on the sample content', (engine) => {
  it.each(SAMPLE)('%s has a valid MP3 as long as its script', (doc) => {
    const dir = join(out[engine]!, doc);
    const script = readFileSync(join(dir, 'audio.txt'), 'utf8');
    const mp3 = join(dir, 'audio.mp3');
    expect(soxi(mp3, '-t')).toBe('mp3');
    expect(soxi(mp3, '-c')).toBe('1');
    expect(soxi(mp3, '-r')).toBe('22050');
    const seconds = Number(soxi(mp3, '-D'));
    const estimate = estimateSeconds(script);
    expect(seconds).toBeGreaterThan(estimate * 0.8);
    expect(seconds).toBeLessThan(estimate * 1.2);
  });

  it('lists each duration in the catalog', async () => {
    interface Entry {
      lang: string;
      slug: string;
      audioDurationSeconds: number;
      editions: Record<string, { path: string }>;
    }
    const catalog = (await readCatalog(out[engine]!)) as { languages: { procedures: Entry[] }[] };
    const entries = catalog.languages.flatMap((group) => group.procedures);
    expect(entries).toHaveLength(SAMPLE.length);
    for (const entry of entries) {
      const seconds = Number(soxi(join(out[engine]!, entry.lang, entry.slug, 'audio.mp3'), '-D'));
      expect(Math.abs(entry.audioDurationSeconds - seconds)).toBeLessThan(0.5);
      expect(entry.editions['audio.mp3']?.path).toBe(`${entry.lang}/${entry.slug}/audio.mp3`);
    }
  });

  it('is not silence: the voice has speech-like loudness', () => {
    const { stderr } = spawnSync('sox', [join(out[engine]!, 'id/cuti-tahunan/audio.mp3'), '-n', 'stat'], {
      encoding: 'utf8',
    });
    const rms = Number(/RMS\s+amplitude:\s+([\d.]+)/.exec(stderr)?.[1]);
    const peak = Number(/Maximum amplitude:\s+([\d.]+)/.exec(stderr)?.[1]);
    expect(rms).toBeGreaterThan(0.03);
    expect(peak).toBeLessThan(1); // no clipping
  });
});

describe('the scripts', () => {
  it('contain no digit, no "Rp" and no abbreviation the lexicon knows how to say', async () => {
    const { lexicon } = await loadSpeechData();
    const unsaid = [...lexicon].filter(([key, said]) => key !== said).map(([key]) => key);
    for (const doc of SAMPLE) {
      const script = readFileSync(join(out.embedded!, doc, 'audio.txt'), 'utf8');
      expect(script, doc).not.toMatch(/\d/);
      expect(script, doc).not.toContain('Rp');
      for (const key of unsaid) {
        const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        expect(script, `${doc}: ${key}`).not.toMatch(
          new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u'),
        );
      }
    }
  });

  it('are the same for both engines (the script does not depend on the engine)', () => {
    for (const doc of SAMPLE) {
      expect(readFileSync(join(out.native!, doc, 'audio.txt'))).toEqual(
        readFileSync(join(out.embedded!, doc, 'audio.txt')),
      );
    }
  });

  it('read like the Indonesian sample, in the page order: introduction, requirements, steps, complaints', () => {
    const script = readFileSync(join(out.embedded!, 'id/karis-karsu/audio.txt'), 'utf8');
    const order = [
      'Layanan Kartu Istri (Karis) dan Kartu Suami (Karsu), dari Badan Kepegawaian',
      'Waktu penyelesaian: dua puluh satu hari kerja sejak berkas lengkap. Biaya: Gratis.',
      'Persyaratan. Yang perlu Anda bawa: pertama, formulir laporan perkawinan',
      'kelima, fotokopi ka te pe el pe en es',
      'lampirkan juga: fotokopi akta cerai; atau fotokopi akta kematian pasangan terdahulu.',
      'Langkah pertama: Lengkapi berkas persyaratan',
      'Langkah kelima:',
      'Pengaduan. Sampaikan pengaduan, saran, dan masukan melalui: Loket Pengaduan be ka pe es de em, Senin sampai Kamis pukul delapan sampai pukul lima belas Waktu Indonesia Barat',
      'Terakhir diperbarui: dua puluh Oktober dua ribu dua puluh lima.',
    ];
    let at = 0;
    for (const phrase of order) {
      const found = script.indexOf(phrase, at);
      expect(found, phrase).toBeGreaterThanOrEqual(0);
      at = found;
    }
  });

  it('use Javanese words and number words for Javanese, and the site complaints when a procedure has none', () => {
    const script = readFileSync(join(out.embedded!, 'jv/cuti-tahunan/audio.txt'), 'utf8');
    expect(script).toContain('Ingkang kedah panjenengan bekta: kapisan,');
    expect(script).toContain('Lampah kaping kalih:');
    expect(script).toMatch(/dinten/);
    const source = readFileSync(join(REPO, 'content/jv/cuti-tahunan.md'), 'utf8');
    if (!/^## Pangaduan/m.test(source)) expect(script).toContain('es pe empat en lapor');
  });
});

describe('MP3 tags', () => {
  it('name the title, the office, the language and the voice; Javanese says it is read by the Indonesian voice', () => {
    const id = id3Frames(readFileSync(join(out.embedded!, 'id/karis-karsu/audio.mp3')));
    expect(id.get('TIT2')).toBe('Kartu Istri (Karis) dan Kartu Suami (Karsu)');
    expect(id.get('TPE1')).toBe('Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Sukamaju');
    expect(id.get('TLAN')).toBe('ind');
    expect(id.get('COMM')).toContain('Dibacakan oleh suara sintetis eSpeak NG untuk Bahasa Indonesia.');
    const jv = id3Frames(readFileSync(join(out.embedded!, 'jv/karis-karsu/audio.mp3')));
    expect(jv.get('TLAN')).toBe('jav');
    expect(jv.get('COMM')).toContain(
      'Dipunwaosaken dening swanten sintetis eSpeak NG kangge Bahasa Indonesia, amargi dereng wonten swanten kangge Basa Jawa.',
    );
  });
});

describe('engines', () => {
  it('give the same format, and the same bytes for the same text', async () => {
    const voice = { voice: 'id', rate: 150 };
    const text = 'Langkah pertama: isi formulir.';
    const a = await embeddedEngine.synthesise(text, voice);
    // The embedded engine keeps one eSpeak NG per thread: what it said before must not change this.
    await embeddedEngine.synthesise('Sesuatu yang lain sekali, dengan kalimat panjang? Ya!', voice);
    const [b, [native]] = [await embeddedEngine.synthesise(text, voice), await speakInProcess([text], voice)];
    expect(a.samples).toEqual(b.samples);
    if (!native) throw new Error('the native engine spoke nothing');
    expect(native.sampleRate).toBe(a.sampleRate);
    // The voice itself (Debian's library adds a pause at the end, the WebAssembly one does not; both are cut when joined).
    const voiced = (samples: Int16Array) => {
      const loud = [...samples.keys()].filter((index) => Math.abs(samples[index] as number) >= 64);
      return (loud.at(-1) ?? 0) - (loud[0] ?? 0);
    };
    expect(Math.abs(voiced(native.samples) - voiced(a.samples)) / voiced(a.samples)).toBeLessThan(0.02);
    const tags = { title: 't', artist: 'a', language: 'ind', comment: 'c' };
    expect(tagMp3(await encodeMp3(a), tags)).toEqual(tagMp3(await encodeMp3(b), tags));
  });
});
