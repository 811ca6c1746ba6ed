// The build's `mp3Encoder` setting (`--mp3-encoder auto | embedded`): with `embedded`, a
// machine with Debian's `lame` makes the same MP3 as one without it, and the audio cache key
// says which LAME made the files. Its own file: the encoder found on PATH is kept for the
// process, and this file starts it as a machine without `lame` would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mp3Encoder } from '../src/render/audio/encode/mp3.js';
import { audioEngineVersions } from '../src/render/audio/engine-versions.js';
import { makeMp3 } from '../src/render/audio/make-mp3.js';
import type { MakeMp3Options, SpokenSegment } from '../src/render/audio/mp3-types.js';

const options: MakeMp3Options = {
  engine: 'embedded',
  voice: { voice: 'id', rate: 150 },
  tags: { title: 'Cuti tahunan', artist: 'BKPSDM', language: 'ind', comment: 'Suara bahasa Indonesia' },
  pronunciations: {},
};
const script: SpokenSegment[] = [
  { chapter: 'Cuti tahunan', pause: 'section', spoken: 'Layanan cuti tahunan. Biaya: gratis.' },
  { chapter: 'Langkah 1', pause: 'item', spoken: 'Langkah pertama, isi formulir.' },
];

describe('a machine without lame', () => {
  const path = process.env.PATH;
  beforeAll(() => {
    process.env.PATH = '/nonexistent';
    expect(mp3Encoder().id).toBe('embedded'); // found now, kept for this process
  });
  afterAll(() => {
    process.env.PATH = path;
  });

  it('makes with auto the MP3 that --mp3-encoder embedded makes', async () => {
    const auto = await makeMp3(script, { ...options, encoder: 'auto' });
    process.env.PATH = path; // lame may be found again: the setting alone must choose
    const embedded = await makeMp3(script, { ...options, encoder: 'embedded' });
    expect(auto.mp3.length).toBeGreaterThan(1000);
    expect(Buffer.from(embedded.mp3).equals(Buffer.from(auto.mp3))).toBe(true);
    expect(audioEngineVersions('embedded', 'auto')['mp3 encoder']).toBe('embedded');
    expect(audioEngineVersions('embedded', 'embedded')).toEqual(audioEngineVersions('embedded', 'auto'));
  });
});
