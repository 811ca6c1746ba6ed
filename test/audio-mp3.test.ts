// The MP3 encoders (Debian's lame when installed, else LAME in WebAssembly, one instance per
// thread): what was encoded before must not change the bytes of the next file, and the delay
// the chapters and captions are moved by is the one a decoder plays (a click, decoded by ffmpeg).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MP3_OPTIONS,
  detectMp3Encoder,
  ENCODER_DELAY_SAMPLES,
  encodeMp3,
  type Mp3EncoderId,
  mp3Encoder,
} from '../src/render/audio/encode/mp3.js';
import { audioEngineVersions } from '../src/render/audio/engine-versions.js';
import { makeMp3 } from '../src/render/audio/make-mp3.js';
import type { Pcm } from '../src/render/audio/speech/engine.js';

const sampleRate = 22050;

/** A few seconds of a voice-like sound: deterministic, different for each seed. */
function sound(seconds: number, seed: number): Pcm {
  const samples = new Int16Array(Math.round(seconds * sampleRate));
  let noise = seed;
  for (let i = 0; i < samples.length; i++) {
    noise = (noise * 1103515245 + 12345) >>> 0;
    const tone = Math.sin((2 * Math.PI * (180 + 40 * seed) * i) / sampleRate) * 9000;
    samples[i] = Math.round(tone * (0.5 + 0.5 * Math.sin(i / 900)) + ((noise >>> 16) % 2000) - 1000);
  }
  return { sampleRate, samples };
}

const ffmpeg = spawnSync('ffmpeg', ['-version']).error === undefined;
const lame = spawnSync('lame', ['--version']).status === 0;

describe('mp3Encoder', () => {
  it('is the native lame when it runs, else the embedded one', () => {
    expect(mp3Encoder().id).toBe(lame ? 'native' : 'embedded');
    if (lame) expect(mp3Encoder().version).toMatch(/^LAME .*\d+\.\d+/);
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(detectMp3Encoder()).toEqual({ id: 'embedded', version: 'wasm-media-encoders' });
    } finally {
      process.env.PATH = path;
    }
  });
});

// A machine without lame: test/audio-mp3-encoder.test.ts.
describe.skipIf(!lame)('--mp3-encoder on a machine with lame', () => {
  const segments = [{ chapter: 'Cuti', pause: 'section' as const, spoken: 'Layanan cuti tahunan. Biaya: gratis.' }];
  const options = {
    engine: 'embedded' as const,
    voice: { voice: 'id', rate: 150 },
    tags: { title: 'Cuti', artist: 'BKPSDM', language: 'ind', comment: '' },
    pronunciations: {},
  };
  it('auto uses lame, embedded the WebAssembly LAME, and the cache key tells them apart', async () => {
    const [auto, embedded] = [
      await makeMp3(segments, { ...options, encoder: 'auto' }),
      await makeMp3(segments, { ...options, encoder: 'embedded' }),
    ];
    expect(Buffer.from(auto.mp3).equals(Buffer.from(embedded.mp3))).toBe(false);
    expect(auto.mp3.length).toBe(embedded.mp3.length); // same frames, other encoder
    expect(audioEngineVersions('embedded', 'auto')['mp3 encoder']).toMatch(/^lame \(native\): LAME /);
    expect(audioEngineVersions('embedded', 'embedded')['mp3 encoder']).toBe('embedded');
  });
});

describe.each([
  ['embedded', true],
  ['native', lame],
] as [Mp3EncoderId, boolean][])('encodeMp3, %s', (encoder, present) => {
  const encodeMp3With = (pcm: Pcm) => encodeMp3(pcm, { ...DEFAULT_MP3_OPTIONS, encoder });
  it.skipIf(!present)('gives the same bytes for the same samples, whatever it encoded before', async () => {
    const encodeMp3 = encodeMp3With;
    const a = sound(3.1, 1);
    const first = await encodeMp3(a);
    await encodeMp3(sound(7.3, 2)); // longer, other sound: the instance's state must not carry over
    await encodeMp3({ sampleRate, samples: new Int16Array(1000) }); // a short file, ending mid-frame
    const again = await encodeMp3(a);
    expect(Buffer.compare(first, again)).toBe(0);
    // Calls at once (as the MP3 workers may make them) give the same bytes too.
    const [x, y] = await Promise.all([encodeMp3(a), encodeMp3(sound(2, 3))]);
    expect(Buffer.compare(x, first)).toBe(0);
    expect(Buffer.compare(y, await encodeMp3(sound(2, 3)))).toBe(0);
    expect(Buffer.compare(y, first)).not.toBe(0);
  });

  it.skipIf(!present)('is constant bit rate, audio frames only: the size gives the duration', async () => {
    const mp3 = await encodeMp3With(sound(10, 4));
    expect([...mp3.subarray(0, 2)]).toEqual([0xff, 0xf3]); // an MPEG-2 layer III frame, no tag before it
    const seconds = (mp3.length * 8) / (DEFAULT_MP3_OPTIONS.bitrate * 1000);
    // LAME's delay and the padding of the last frame: at most a few frames more than the samples.
    expect(seconds).toBeGreaterThanOrEqual(10);
    expect(seconds).toBeLessThan(10 + (4 * 1152) / sampleRate);
  });

  it.skipIf(!ffmpeg || !present)('is heard ENCODER_DELAY_SAMPLES late (a click, decoded by ffmpeg)', async () => {
    const samples = new Int16Array(sampleRate * 2);
    const at = 10000;
    for (let i = 0; i < 20; i++) samples[at + i] = i % 2 ? -30000 : 30000;
    const mp3 = await encodeMp3With({ sampleRate, samples });
    const decoded = spawnSync('ffmpeg', ['-v', 'error', '-f', 'mp3', '-i', '-', '-f', 's16le', '-ac', '1', '-'], {
      input: mp3,
      maxBuffer: 1 << 24,
    });
    expect(decoded.status).toBe(0);
    const out = new Int16Array(decoded.stdout.buffer, decoded.stdout.byteOffset, decoded.stdout.byteLength / 2);
    let loudest = 0;
    for (let i = 1; i < out.length; i++) if (Math.abs(out[i] as number) > Math.abs(out[loudest] as number)) loudest = i;
    // The click's loudest decoded sample lies within its 20 samples, moved by the delay.
    expect(loudest - ENCODER_DELAY_SAMPLES).toBeGreaterThanOrEqual(at - 4);
    expect(loudest - ENCODER_DELAY_SAMPLES).toBeLessThan(at + 24);
  });
});
