// Loudness of the spoken edition: the BS.1770 meter against known signals, then a
// procedure the tests never saw, made into an MP3 and measured by ffmpeg's ebur128 filter.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { integratedLoudness, normaliseLoudness } from '../src/render/audio/encode/loudness.js';
import { makeMp3 } from '../src/render/audio/make-mp3.js';
import { tempDir } from './support/cli.js';

const sine = (amplitude: number, frequency: number, sampleRate: number, seconds: number) =>
  Float64Array.from(
    { length: sampleRate * seconds },
    (_, n) => amplitude * Math.sin((2 * Math.PI * frequency * n) / sampleRate),
  );

describe('the loudness meter', () => {
  it('reads a full-scale 997 Hz sine as −3.01 LUFS (BS.1770), at 48 kHz and at 22.05 kHz', () => {
    expect(integratedLoudness(sine(1, 997, 48000, 5), 48000)).toBeCloseTo(-3.01, 1);
    expect(integratedLoudness(sine(1, 997, 22050, 5), 22050)).toBeCloseTo(-3.01, 1);
    expect(integratedLoudness(sine(0.1, 997, 22050, 5), 22050)).toBeCloseTo(-23.01, 1);
  });
  it('gates silence out: speech with long pauses measures as the speech', () => {
    const tone = sine(0.1, 997, 22050, 3);
    const withPauses = new Float64Array(tone.length * 3);
    withPauses.set(tone, tone.length);
    expect(integratedLoudness(withPauses, 22050)).toBeCloseTo(-23.01, 0);
    expect(integratedLoudness(new Float64Array(22050), 22050)).toBe(Number.NEGATIVE_INFINITY);
  });
  it('brings a quiet tone to −16 LUFS and limits a loud one below the ceiling', () => {
    const quiet = Int16Array.from(sine(0.05, 440, 22050, 4), (value) => Math.round(value * 32767));
    const louder = normaliseLoudness({ sampleRate: 22050, samples: quiet });
    const measured = integratedLoudness(
      Float64Array.from(louder.samples, (s) => s / 32768),
      22050,
    );
    expect(measured).toBeGreaterThan(-16.5);
    expect(measured).toBeLessThan(-15.5);
    expect(Math.max(...louder.samples.map(Math.abs)) / 32768).toBeLessThan(10 ** (-1 / 20));
  });
  it('limits only around the peaks, reaches the target within 0.1 LU and gives the same samples twice', () => {
    // A quiet tone with a loud 5 ms burst every half second, as speech has loud moments.
    const rate = 22050;
    const tone = sine(0.05, 440, rate, 6);
    const bursts = Array.from({ length: 12 }, (_, index) => Math.round((index + 0.25) * 0.5 * rate));
    for (const start of bursts) for (let n = start; n < start + 0.005 * rate; n++) tone[n] = 0.9 * Math.sin(n);
    const input = Int16Array.from(tone, (value) => Math.round(value * 32767));
    const once = normaliseLoudness({ sampleRate: rate, samples: input });
    const again = normaliseLoudness({ sampleRate: rate, samples: input });
    expect(Buffer.from(once.samples.buffer).equals(Buffer.from(again.samples.buffer))).toBe(true);
    const measured = integratedLoudness(
      Float64Array.from(once.samples, (s) => s / 32768),
      rate,
    );
    expect(Math.abs(measured - -16)).toBeLessThan(0.1);
    // No sample above the ceiling (−3 dBFS), and the bursts were lowered to it.
    const loudest = once.samples.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
    expect(loudest).toBeLessThanOrEqual(Math.ceil(10 ** (-3 / 20) * 32768));
    expect(loudest).toBeGreaterThan(10 ** (-4 / 20) * 32768);
    // Far from the bursts (more than 25 ms) every sample has the same gain.
    const far = (n: number) => bursts.every((start) => n < start - 0.025 * rate || n > start + 0.03 * rate);
    const farSamples = [...input.keys()].filter(far);
    const reference = farSamples.reduce((best, n) =>
      Math.abs(input[n] as number) > Math.abs(input[best] as number) ? n : best,
    );
    const gain = (once.samples[reference] as number) / (input[reference] as number);
    expect(gain).toBeGreaterThan(3); // the quiet tone was made louder
    const deviation = farSamples.reduce(
      (max, n) => Math.max(max, Math.abs((once.samples[n] as number) - (input[n] as number) * gain)),
      0,
    );
    expect(deviation).toBeLessThan(1.5); // rounding only
  });
});

const tools = ['espeak-ng', 'ffmpeg'].every((tool) => spawnSync(tool, ['-version']).error === undefined);

// A population-registry procedure, as the script would say it.
const script = `Layanan Penerbitan Akta Kelahiran, dari Dinas Kependudukan dan Pencatatan Sipil Kabupaten Uji. Biaya: gratis. Waktu penyelesaian: lima hari kerja.

Persyaratan. Yang perlu Anda bawa: pertama, surat keterangan kelahiran dari rumah sakit, puskesmas, atau bidan. kedua, fotokopi kartu keluarga. ketiga, fotokopi ka te pe el kedua orang tua.

Prosedur. Langkah pertama: Ambil nomor antrean di loket pelayanan. Langkah kedua: Serahkan berkas kepada petugas. Langkah ketiga: Terima akta kelahiran empat belas hari kemudian.

Pengaduan. Telepon nol dua delapan dua, lima empat dua, satu dua tiga, Senin sampai Jumat pukul delapan sampai pukul lima belas.
`;

describe.skipIf(!tools)('the MP3 of a procedure', () => {
  it('is −16 ± 1 LUFS integrated with true peak at most −1 dBTP (ffmpeg ebur128)', async () => {
    const segments = script.split('\n\n').map((spoken) => ({ spoken, pause: 'section' as const }));
    const { mp3 } = await makeMp3(segments, {
      engine: 'native',
      voice: { voice: 'id', rate: 150 },
      tags: { title: 'Akta Kelahiran', artist: 'Dinas Uji', language: 'ind', comment: '' },
      pronunciations: { belas: "b@l'as", empat: "@mp'at" },
    });
    const file = join(tempDir('pelita-loud-'), 'audio.mp3');
    writeFileSync(file, mp3);
    const run = spawnSync(
      'ffmpeg',
      ['-hide_banner', '-nostats', '-i', file, '-af', 'ebur128=peak=true', '-f', 'null', '-'],
      {
        encoding: 'utf8',
      },
    );
    const summary = run.stderr.slice(run.stderr.lastIndexOf('Summary:'));
    const integrated = Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)?.[1]);
    const peak = Number(/Peak:\s+(-?[\d.]+) dBFS/.exec(summary)?.[1]);
    expect(integrated).toBeGreaterThanOrEqual(-17);
    expect(integrated).toBeLessThanOrEqual(-15);
    expect(peak).toBeLessThanOrEqual(-1);
  });
});
