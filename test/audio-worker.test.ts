// The MP3 is made in a worker thread; from TypeScript source (as here, under vitest) the
// worker loads through tsx. It must give the same bytes as making it on the main thread.
import { describe, expect, it } from 'vitest';
import { makeMp3 } from '../src/render/audio/make-mp3.js';
import { makeMp3InPool } from '../src/render/audio/mp3-pool.js';
import type { MakeMp3Options, SpokenSegment } from '../src/render/audio/mp3-types.js';

const options: MakeMp3Options = {
  pronunciations: { belas: "b@l'as" },
  engine: 'embedded',
  voice: { voice: 'id', rate: 150 },
  tags: { title: 'Cuti tahunan', artist: 'BKPSDM', language: 'ind', comment: 'Suara bahasa Indonesia' },
};
const script: SpokenSegment[] = [
  { chapter: 'Cuti tahunan', pause: 'section', spoken: 'Layanan cuti tahunan. Biaya: gratis.' },
  { chapter: 'Langkah 1', pause: 'item', spoken: 'Langkah pertama, isi formulir.' },
];

describe('MP3 worker thread', () => {
  it('makes the same MP3, byte for byte, as the main thread', async () => {
    const [inWorker, inThread] = [await makeMp3InPool(script, options), await makeMp3(script, options)];
    expect(inWorker.mp3.length).toBeGreaterThan(1000);
    expect(Buffer.from(inWorker.mp3).equals(Buffer.from(inThread.mp3))).toBe(true);
    expect(inWorker.durationSeconds).toBe(inThread.durationSeconds);
  });

  it('runs tasks side by side and passes a failure back to the renderer', async () => {
    const both = await Promise.all([
      makeMp3InPool(script, options),
      makeMp3InPool([...script, { pause: 'item', spoken: 'Selesai.' }], options),
    ]);
    expect(both[1].durationSeconds).toBeGreaterThan(both[0].durationSeconds);
    await expect(
      makeMp3InPool(script, { ...options, voice: { voice: 'tidak-ada-suara', rate: 150 } }),
    ).rejects.toThrow();
  });
});
