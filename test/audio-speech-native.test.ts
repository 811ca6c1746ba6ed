// The native speech engine: Debian's libespeak-ng through koffi, in MP3 processes that speak
// each MP3 with an instance of the library that has spoken nothing (speech/native-engine.ts,
// mp3-process.ts). It must speak as the espeak-ng command does, give the same samples for the
// same script whatever was spoken before or beside it, make the same MP3 side by side as one
// after another and in a process of its own, and say clearly when the library is missing.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { audioEngineVersions } from '../src/render/audio/engine-versions.js';
import { makeMp3 } from '../src/render/audio/make-mp3.js';
import { makeMp3InPool } from '../src/render/audio/mp3-pool.js';
import type { MakeMp3Options, SpokenSegment } from '../src/render/audio/mp3-types.js';
import { chosenSpeechEngine, type Pcm } from '../src/render/audio/speech/engine.js';
import {
  freshLibrary,
  LIBESPEAK_NG,
  libespeakVersion,
  speakWithLibrary,
} from '../src/render/audio/speech/libespeak.js';
import { MP3S_PER_PROCESS, makeMp3InProcess } from '../src/render/audio/speech/native-engine.js';
import { parseWav } from '../src/render/audio/speech/wav.js';
import { speakInProcess } from './support/speech-process.js';

const voice = { voice: 'id', rate: 150 };
const installed = libespeakVersion() !== undefined;
const command = spawnSync('espeak-ng', ['--version']).status === 0;
const A = 'Langkah pertama, isi formulir permohonan cuti di kantor BKPSDM. Bawa KTP & KK!';
const B = "Biaya: gratis, selama [[b@l'as]] hari kerja, pukul delapan sampai lima belas.";
const C = 'Apakah layanan ini bisa diurus secara daring?';

/** An MP3 of the native engine, its tags those of a leave procedure. */
const options: MakeMp3Options = {
  engine: 'native',
  voice,
  tags: { title: 'Cuti', artist: 'BKPSDM', language: 'ind', comment: 'Suara' },
  pronunciations: {},
};

const bytes = (samples: Int16Array) => Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
const same = (a: Int16Array, b: Int16Array) => bytes(a).equals(bytes(b));

function spokenByCommand(text: string): Int16Array {
  const run = spawnSync('espeak-ng', ['-v', voice.voice, '-s', String(voice.rate), '--stdout', '--stdin'], {
    input: text,
  });
  return parseWav(new Uint8Array(run.stdout)).samples;
}

describe.skipIf(!installed)('native speech engine (libespeak-ng)', () => {
  it('is what auto picks, with the library version for the cache key', () => {
    expect(libespeakVersion()).toMatch(/^\d+\.\d+/);
    expect(chosenSpeechEngine('auto')).toEqual({ id: 'native', version: `libespeak-ng ${libespeakVersion()}` });
    expect(chosenSpeechEngine('embedded').id).toBe('embedded');
    // auto and native speak alike, so their cached MP3s are the same; embedded's are not.
    expect(audioEngineVersions('auto', 'auto')).toEqual(audioEngineVersions('native', 'auto'));
    expect(audioEngineVersions('embedded', 'auto')['speech engine']).toBe('embedded');
    expect(audioEngineVersions('native', 'auto')['speech engine']).toBe(`native: libespeak-ng ${libespeakVersion()}`);
  });

  it('speaks: 22.05 kHz samples, a second or more for a sentence, not silence', async () => {
    const [{ sampleRate, samples }] = (await speakInProcess([C], voice)) as [Pcm];
    expect(sampleRate).toBe(22050);
    expect(samples.length).toBeGreaterThan(sampleRate);
    expect(Math.max(...samples.subarray(0, 40_000).map(Math.abs))).toBeGreaterThan(3000);
  });

  it.skipIf(!command)('gives, for the first text of a process, the espeak-ng command’s samples exactly', async () => {
    // `<`, `>` and `&` as the command reads them (not SSML: it is not given -m).
    const D = 'Usia <catatan> kurang dari lima puluh & masa kerja > sepuluh tahun.';
    for (const text of [A, B, D]) {
      const [pcm] = await speakInProcess([text], voice);
      expect(same(pcm?.samples ?? new Int16Array(), spokenByCommand(text))).toBe(true);
    }
  });

  it('keeps state from one text to the next in a process (why each MP3 gets a process of its own)', () => {
    // In this (the test's) process: B after A comes out otherwise than B alone in a fresh process.
    const inOneProcess = speakWithLibrary([A, B], voice).parts[1] ?? new Int16Array();
    return speakInProcess([B], voice).then(([alone]) => {
      expect(same(inOneProcess, alone?.samples ?? new Int16Array())).toBe(false);
    });
  });

  it('speaks, with a fresh copy of the library, as a new process does, where the instance used before does not', async () => {
    const used = speakWithLibrary([A, B], voice).parts[1] ?? new Int16Array();
    const copy = freshLibrary();
    expect(copy).toBeDefined();
    const fresh = speakWithLibrary([B], voice, copy).parts[0] ?? new Int16Array();
    const [alone] = await speakInProcess([B], voice);
    expect(same(fresh, alone?.samples ?? new Int16Array())).toBe(true);
    expect(same(used, fresh)).toBe(false);
  });

  it('makes in one process, one MP3 after another, the MP3s a process of their own makes', async () => {
    // More scripts than a process makes, so a second process takes over, and the same
    // script twice (early and late in a process).
    const texts = [A, B, C, `${B} ${A}`, `${C} ${B}`];
    const scripts: SpokenSegment[][] = Array.from({ length: MP3S_PER_PROCESS + 2 }, (_, index) => [
      { chapter: 'Cuti', pause: 'section', spoken: texts[index % texts.length] as string },
    ]);
    const inTurn: Buffer[] = [];
    for (const script of scripts) inTurn.push(Buffer.from((await makeMp3InProcess(script, options)).mp3));
    for (const index of [0, 1, 5, MP3S_PER_PROCESS, MP3S_PER_PROCESS + 1]) {
      const alone = await makeMp3InProcess(scripts[index] as SpokenSegment[], options, LIBESPEAK_NG, { reuse: false });
      expect(inTurn[index]?.equals(Buffer.from(alone.mp3))).toBe(true);
    }
    expect(inTurn[5]?.equals(inTurn[0] as Buffer)).toBe(true);
  });

  it('gives the same samples for the same script, whatever was spoken before or beside it', async () => {
    const first = await speakInProcess([A, B, C], voice);
    await speakInProcess([C, B], voice);
    const [again, beside] = await Promise.all([speakInProcess([A, B, C], voice), speakInProcess([B, A], voice)]);
    expect(again).toHaveLength(3);
    for (const [index, pcm] of again.entries()) {
      expect(same(pcm.samples, first[index]?.samples ?? new Int16Array())).toBe(true);
    }
    expect(beside).toHaveLength(2);
  });

  it('makes the same MP3s in processes side by side as one after another', async () => {
    const scripts: SpokenSegment[][] = [
      [{ chapter: 'Cuti', pause: 'section', spoken: `${A} ${B}` }],
      [{ chapter: 'Daring', pause: 'section', spoken: `${C} ${A}` }],
      [{ chapter: 'Biaya', pause: 'section', spoken: B }],
    ];
    const sideBySide = await Promise.all(scripts.map((script) => makeMp3InPool(script, options)));
    for (const [index, script] of scripts.entries()) {
      const alone = await makeMp3(script, options);
      expect(alone.mp3.length).toBeGreaterThan(1000);
      expect(Buffer.from(sideBySide[index]?.mp3 ?? []).equals(Buffer.from(alone.mp3))).toBe(true);
      expect(sideBySide[index]?.sentences).toEqual(alone.sentences);
    }
  });

  it('passes a voice it does not have back as an error', async () => {
    await expect(speakInProcess(['halo'], { voice: 'tidak-ada-suara', rate: 150 })).rejects.toThrow(
      /no voice "tidak-ada-suara"/,
    );
    const options: MakeMp3Options = {
      engine: 'native',
      voice: { voice: 'tidak-ada-suara', rate: 150 },
      tags: { title: 'Cuti', artist: 'BKPSDM', language: 'ind', comment: '' },
      pronunciations: {},
    };
    await expect(makeMp3([{ chapter: 'Cuti', pause: 'section', spoken: 'halo' }], options)).rejects.toThrow(
      /no voice "tidak-ada-suara"/,
    );
  });
});

describe('native speech engine without the library', () => {
  const missing = 'libespeak-ng-tidak-ada.so.0';
  it('is not picked by auto and says what to install', async () => {
    expect(libespeakVersion(missing)).toBeUndefined();
    expect(() => speakWithLibrary(['halo'], voice, missing)).toThrow(
      new RegExp(`needs eSpeak NG's library ${LIBESPEAK_NG}.*apt-get install espeak-ng.*--speech-engine embedded`),
    );
    await expect(speakInProcess(['halo'], voice, missing)).rejects.toThrow(/apt-get install espeak-ng/);
    const script: SpokenSegment[] = [{ chapter: 'Cuti', pause: 'section', spoken: 'halo' }];
    const options: MakeMp3Options = {
      engine: 'native',
      voice,
      tags: { title: 'Cuti', artist: 'BKPSDM', language: 'ind', comment: '' },
      pronunciations: {},
    };
    await expect(makeMp3InProcess(script, options, missing)).rejects.toThrow(/apt-get install espeak-ng/);
  });
});
