// Sentence by sentence: the script's sentences are split before normalisation (spoken and
// written correspond one to one), each is spoken on its own and timed, and audio.vtt has a
// cue per sentence where the voice starts — measured on the decoded MP3 of a procedure the
// other tests never saw, with both engines.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audioRenderer } from '../src/render/audio/audio-renderer.js';
import { makeMp3 } from '../src/render/audio/make-mp3.js';
import type { MakeMp3Options } from '../src/render/audio/mp3-types.js';
import { readSpeechLanguage } from '../src/render/audio/normalise/speech-language.js';
import { lowerFirst, markPhrase, scriptSegments } from '../src/render/audio/script.js';
import { splitSentences } from '../src/render/audio/sentences.js';
import { embeddedEngine } from '../src/render/audio/speech/embedded-engine.js';
import { loadSpeechData } from '../src/render/audio/speech-data.js';
import {
  CAPTION_LINE_CHARACTERS,
  captionParts,
  captionsVtt,
  readCaptionSentences,
  timedSentences,
} from '../src/render/audio/timed-text.js';
import type { Artifact } from '../src/render/types.js';
import { tempDir } from './support/cli.js';
import { check, renderContext, renderWith } from './support/fixtures.js';

const { lexicon, languages, pronunciations } = await loadSpeechData();
const tools = ['espeak-ng', 'ffmpeg', 'ffprobe'].every((tool) => spawnSync(tool, ['-version']).error === undefined);

const AKTA = `---
title: Penerbitan Akta Kelahiran
summary: Layanan akta kelahiran bagi bayi yang lahir di Kabupaten Sukamaju. Akta diterbitkan tanpa biaya.
duration: 3 hari kerja
cost: Rp 0
product: Kutipan Akta Kelahiran
updated: 2025-09-15
---

Orang tua mengajukan akta paling lambat 60 hari setelah kelahiran. Permohonan dapat diajukan di Kantor Dinas Kependudukan, Jl. Merdeka No. 12, atau di kantor kecamatan. Layanan buka pukul 08.00–14.00 WIB!

## Persyaratan

- Surat Keterangan Lahir dari rumah sakit, puskesmas atau bidan
- Kartu Keluarga (KK) asli
- Fotokopi buku nikah orang tua, dilegalisasi oleh Dr. Siti Aminah, S.Kom. atau pejabat lain yang berwenang di kantor urusan agama setempat

## Prosedur

1. Isi formulir F-2.01. Formulir tersedia di loket dan di laman dukcapil.sukamaju.example.
2. Serahkan formulir beserta berkas di loket 3.
3. Ambil akta pada hari kerja ketiga. Bawa tanda terima!

## Pengaduan

- Layanan pengaduan melalui telepon (0282) 542 123
`;

describe('splitting sentences before normalisation', () => {
  it('splits at a full stop, "!" or "?" before a capital or digit', () => {
    expect(splitSentences('Isi formulir. Serahkan berkas! Sudah? 3 hari.', lexicon)).toEqual([
      'Isi formulir.',
      'Serahkan berkas!',
      'Sudah?',
      '3 hari.',
    ]);
  });

  it('does not split after an abbreviation, an initial, a degree or inside a marked phrase', () => {
    expect(splitSentences('Kantor di Jl. Merdeka No. 12, mis. Gedung A. Selesai.', lexicon)).toEqual([
      'Kantor di Jl. Merdeka No. 12, mis. Gedung A. Selesai.',
    ]);
    expect(splitSentences('Ditandatangani Dr. Siti Aminah, S.Kom. Kemudian diserahkan.', lexicon)).toEqual([
      'Ditandatangani Dr. Siti Aminah, S.Kom. Kemudian diserahkan.',
    ]);
    const phrase = `Tulis ${markPhrase('id', 'Biaya gratis. Lama 3 hari')} wonten formulir. Sampun.`;
    expect(splitSentences(phrase, lexicon)).toEqual([
      `Tulis ${markPhrase('id', 'Biaya gratis. Lama 3 hari')} wonten formulir.`,
      'Sampun.',
    ]);
  });

  it('ends a sentence after a web address', () => {
    expect(splitSentences('Unggah berkas di siasn.sukamaju.example. Pastikan berformat PDF.', lexicon)).toEqual([
      'Unggah berkas di siasn.sukamaju.example.',
      'Pastikan berformat PDF.',
    ]);
  });

  it('does not split a lower-case continuation or a number with dots', () => {
    expect(splitSentences('Bayar Rp 4.500.000 per semester. lalu tunggu.', lexicon)).toEqual([
      'Bayar Rp 4.500.000 per semester. lalu tunggu.',
    ]);
  });
});

describe('a name after an ordinal keeps its capitals', () => {
  it('lowers a first word only when it is not part of a capitalised name', () => {
    expect(lowerFirst('Formulir laporan perkawinan')).toBe('formulir laporan perkawinan');
    expect(lowerFirst('Kartu Keluarga (KK) asli')).toBe('Kartu Keluarga (KK) asli');
    expect(lowerFirst('Data Perorangan Calon Penerima Pensiun')).toBe('Data Perorangan Calon Penerima Pensiun');
    expect(lowerFirst('Fotokopi KTP-el')).toBe('fotokopi KTP-el');
    expect(lowerFirst('KTP-el asli')).toBe('KTP-el asli');
    expect(lowerFirst('Surat')).toBe('surat');
  });
});

describe.skipIf(!tools)('sentences of a procedure', async () => {
  const checked = await check({ 'id/akta-kelahiran.md': AKTA });
  const procedure = checked[0]?.procedure;
  if (!procedure) throw new Error('the fixture did not build');
  const base = await renderContext(checked);
  const words = base.words.get('id')!;
  const speech = readSpeechLanguage('id', languages.get('id'), words.months);
  const segments = scriptSegments({ outline: base.outline(procedure), words, speech, lexicon });
  const all = segments.flatMap((segment) => segment.sentences);

  it('gives each segment its sentences, spoken and written one to one', () => {
    for (const segment of segments) {
      expect(segment.sentences.length).toBeGreaterThan(0);
      expect(segment.sentences.map((sentence) => sentence.spoken).join(' ')).toBe(segment.spoken);
      expect(segment.sentences.map((sentence) => sentence.written).join(' ')).toBe(segment.written);
    }
    const written = all.map((sentence) => sentence.written);
    expect(written).toContain('Orang tua mengajukan akta paling lambat 60 hari setelah kelahiran.');
    expect(written).toContain(
      'Permohonan dapat diajukan di Kantor Dinas Kependudukan, Jl. Merdeka No. 12, atau di kantor kecamatan.',
    );
    expect(written).toContain('Bawa tanda terima!');
    expect(written).toContain('kedua, Kartu Keluarga (KK) asli.');
    const spoken = all[written.indexOf('Layanan buka pukul 08.00–14.00 WIB!')]?.spoken;
    expect(spoken).toBe('Layanan buka pukul delapan sampai pukul empat belas Waktu Indonesia Barat!');
    expect(all.every((sentence) => !/\d/.test(sentence.spoken))).toBe(true);
  });

  for (const engine of ['native', 'embedded'] as const) {
    describe(`${engine} engine`, async () => {
      const context = { ...base, settings: { ...base.settings, speechEngine: engine } };
      const { artifacts } = await renderWith(audioRenderer, procedure, context);
      const file = (name: string): Artifact => {
        const found = artifacts.find((artifact) => artifact.path.endsWith(`/${name}`));
        if (!found) throw new Error(`no ${name}`);
        return found;
      };
      const vtt = String(file('audio.vtt').data);
      const dir = tempDir('pelita-sentences-');
      const mp3 = join(dir, 'audio.mp3');
      writeFileSync(mp3, file('audio.mp3').data);
      const cues = [...vtt.matchAll(/^(s\d+(?:-\d+)?)\n(\S+) --> (\S+)\n((?:.+\n?)+)/gm)].map((match) => ({
        id: match[1] ?? '',
        start: seconds(match[2] ?? ''),
        end: seconds(match[3] ?? ''),
        lines: (match[4] ?? '').trim().split('\n'),
      }));
      const probe = spawnSync('ffprobe', ['-v', 'quiet', '-show_entries', 'format=duration', '-of', 'csv=p=0', mp3], {
        encoding: 'utf8',
      });
      const duration = Number(probe.stdout.trim());

      it('has a cue per sentence, s1, s2, … in order, in normal spelling, at most two lines of about 42 characters', () => {
        const firsts = cues.filter((cue) => /^s\d+$/.test(cue.id));
        expect(firsts.length).toBe(all.length);
        expect(firsts.map((cue) => cue.id)).toEqual(all.map((_, index) => `s${index + 1}`));
        for (const cue of cues) {
          expect(cue.lines.length).toBeLessThanOrEqual(2);
          for (const line of cue.lines)
            expect(line.length <= CAPTION_LINE_CHARACTERS || !line.includes(' ')).toBe(true);
        }
        // A long sentence goes on in further cues: their text is the sentence's.
        const long = all.findIndex((sentence) => sentence.written.length > 2 * CAPTION_LINE_CHARACTERS);
        expect(long).toBeGreaterThan(-1);
        const own = cues.filter((cue) => cue.id === `s${long + 1}` || cue.id.startsWith(`s${long + 1}-`));
        expect(own.length).toBeGreaterThan(1);
        expect(own.flatMap((cue) => cue.lines).join(' ')).toBe(all[long]?.written);
        expect(vtt).toContain('Jl. Merdeka No. 12');
        expect(vtt).not.toContain('Waktu Indonesia Barat');
      });

      it('times the cues increasing, inside the MP3’s duration', () => {
        expect(duration).toBeGreaterThan(30);
        for (const [index, cue] of cues.entries()) {
          expect(cue.end).toBeGreaterThan(cue.start);
          if (index > 0) expect(cue.start).toBeGreaterThanOrEqual(cues[index - 1]?.end ?? 0);
          expect(cue.end).toBeLessThanOrEqual(duration);
        }
      });

      it('starts each sentence’s cue within 50 ms of where the voice starts in the decoded MP3', () => {
        const decoded = spawnSync(
          'ffmpeg',
          ['-v', 'quiet', '-i', mp3, '-f', 's16le', '-ac', '1', '-ar', '22050', '-'],
          {
            maxBuffer: 1 << 28,
          },
        );
        const pcm = new Int16Array(decoded.stdout.buffer, decoded.stdout.byteOffset, decoded.stdout.length / 2);
        const rate = 22050;
        const peak = (from: number, to: number) => {
          let max = 0;
          for (let i = Math.max(0, Math.round(from * rate)); i < Math.min(pcm.length, Math.round(to * rate)); i++)
            max = Math.max(max, Math.abs(pcm[i] as number));
          return max;
        };
        for (const cue of cues.filter((cue) => /^s\d+$/.test(cue.id))) {
          // Quiet before (the pause: at least 0.4 s of our silence) and the voice within 50 ms after.
          expect(peak(cue.start - 0.3, cue.start - 0.05), `${cue.id} quiet before`).toBeLessThan(300);
          expect(peak(cue.start, cue.start + 0.05), `${cue.id} voice after`).toBeGreaterThan(1000);
        }
      });

      it('gives the talking book each segment’s sentences in normal spelling with their times', async () => {
        const result = await makeMp3(segments, options(engine));
        const timed = timedSentences(segments, result);
        expect(timed.length).toBe(segments.length);
        expect(timed.flatMap((segment) => segment.sentences).map((sentence) => sentence.text)).toEqual(
          all.map((sentence) => sentence.written),
        );
        expect(timed.map((segment) => segment.chapter).filter(Boolean)).toContain('Langkah 3');
        // The same times as the captions'.
        const firsts = cues.filter((cue) => /^s\d+$/.test(cue.id));
        expect(timed.flatMap((segment) => segment.sentences).map((sentence) => sentence.start / 1000)).toEqual(
          firsts.map((cue) => Math.round(cue.start * 1000) / 1000),
        );
        // The same back from audio.vtt (for a talking book made when the audio was reused).
        expect(readCaptionSentences(vtt)).toEqual(timed.flatMap((segment) => segment.sentences));
        // Each segment's time is its sentences'.
        for (const [index, segment] of timed.entries()) {
          expect(segment.sentences[0]?.start).toBe(result.times[index]?.start);
          expect(segment.sentences.at(-1)?.end).toBe(result.times[index]?.end);
        }
      });
    });
  }
});

describe('captions of long sentences', () => {
  it('splits at word boundaries into cues of two lines, time shared by characters', () => {
    const text = 'kata '.repeat(40).trim();
    const parts = captionParts(text);
    expect(parts.every((lines) => lines.length <= 2 && lines.every((line) => line.length <= 42))).toBe(true);
    expect(parts.flat().join(' ')).toBe(text);
    const vtt = captionsVtt(
      [{ written: text, sentences: [{ spoken: text, written: text }] }],
      [{ segment: 0, index: 0, start: 1000, end: 5000 }],
    );
    expect(vtt).toMatch(/^s1\n00:00:01\.000 --> /m);
    expect(vtt).toMatch(/^s1-2\n/m);
    expect(vtt).toMatch(/ --> 00:00:05\.000\n/);
    expect(vtt).not.toMatch(/^s2/m);
  });

  it('keeps an amount with its word and leaves no one-word cue', () => {
    const parts = captionParts(
      'keempat, surat pernyataan bermeterai Rp 10.000 bersedia kembali bekerja di Pemerintah Kabupaten Sukamaju paling singkat dua kali masa tugas belajar ditambah satu tahun.',
    );
    expect(parts.flat().some((line) => line.includes('Rp 10.000'))).toBe(true);
    const penuh = captionParts(
      'Pada tugas belajar, PNS tidak melaksanakan tugas kedinasan dan tetap menerima gaji penuh!',
    );
    expect(penuh.length).toBe(2);
    expect(penuh.every((lines) => lines.join(' ').split(' ').length > 3)).toBe(true);
  });
});

describe('the embedded engine', () => {
  it('keeps one eSpeak NG per thread: a word costs far less than a fresh module (0.3 s)', async () => {
    await embeddedEngine.synthesise('halo', { voice: 'id', rate: 150 });
    const started = performance.now();
    for (let i = 0; i < 5; i++) await embeddedEngine.synthesise('halo', { voice: 'id', rate: 150 });
    expect((performance.now() - started) / 5).toBeLessThan(150);
  });

  it('reads "&" and "<" as text, honours phoneme input and the rate', async () => {
    const voice = { voice: 'id', rate: 150 };
    const and = await embeddedEngine.synthesise('A & B', voice);
    expect(and.samples.length).toBeGreaterThan((await embeddedEngine.synthesise('A B', voice)).samples.length);
    const phonemes = await embeddedEngine.synthesise("[[@mp'at]]", voice);
    const word = await embeddedEngine.synthesise('empat', voice);
    // "[[…]]" read as letters would be far longer than the word said.
    expect(Math.abs(phonemes.samples.length - word.samples.length)).toBeLessThan(word.samples.length * 0.3);
    const fast = await embeddedEngine.synthesise('Serahkan formulir di loket pendaftaran.', { voice: 'id', rate: 250 });
    const slow = await embeddedEngine.synthesise('Serahkan formulir di loket pendaftaran.', voice);
    expect(fast.samples.length).toBeLessThan(slow.samples.length * 0.8);
    await expect(embeddedEngine.synthesise('halo', { voice: 'tidak-ada', rate: 150 })).rejects.toThrow();
  });
});

function options(engine: MakeMp3Options['engine']): MakeMp3Options {
  return {
    engine,
    voice: { voice: 'id', rate: 150 },
    tags: { title: 'Akta', artist: 'Dinas', language: 'ind', comment: '' },
    pronunciations: Object.fromEntries(pronunciations.get('id') ?? []),
  };
}

function seconds(stamp: string): number {
  const [hours = 0, minutes = 0, rest = 0] = stamp.split(':').map(Number);
  return (hours * 60 + minutes) * 60 + rest;
}
