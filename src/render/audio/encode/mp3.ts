// MP3 through LAME: Debian's `lame` command when it is installed (about a quarter of the CPU),
// otherwise LAME compiled to WebAssembly (npm `wasm-media-encoders`). Constant bit rate, mono,
// so the same samples always give the same bytes on one machine and duration = size / bit rate.
// The two encoders give other bytes (other quality setting, integer or float input): which one
// made the MP3, and its version, is in the audio cache key (engine-versions.ts). The build's
// `--mp3-encoder embedded` always takes the WebAssembly one: a build sharded over machines
// with and without `lame` then makes the same bytes everywhere.
import { spawnSync } from 'node:child_process';
import { endianness } from 'node:os';
import type { RenderSettings } from '../../settings.js';
import { runPiped } from '../run-command.js';
import type { Pcm } from '../speech/engine.js';

export type Mp3EncoderId = 'native' | 'embedded';

export interface Mp3Options {
  /** kbit/s; 48 is plenty for one synthetic voice at 22.05 kHz. */
  bitrate: 32 | 40 | 48 | 64;
  /** Which LAME; without it, the native one when installed (mp3Encoder()). */
  encoder?: Mp3EncoderId;
}

/**
 * Samples of silence a decoder plays before the first sample we encoded: LAME's 576 plus the
 * decoder's 529 (measured with ffmpeg on a click: 1105, for both encoders; test/audio-mp3.test.ts).
 * The MP3 has no gapless header to say so.
 */
export const ENCODER_DELAY_SAMPLES = 1105;

export const DEFAULT_MP3_OPTIONS: Mp3Options = { bitrate: 48 };

/** The MP3 options for the build's `mp3Encoder` setting (`auto`: the encoder mp3Encoder() finds), or for an encoder already chosen. */
export function mp3Options(encoder: RenderSettings['mp3Encoder'] | Mp3EncoderId = 'auto'): Mp3Options {
  return { ...DEFAULT_MP3_OPTIONS, encoder: encoder === 'auto' ? mp3Encoder().id : encoder };
}

/** The encoder a build with this setting uses, and its version (for the cache key). */
export function chosenMp3Encoder(setting: RenderSettings['mp3Encoder']): { id: Mp3EncoderId; version: string } {
  return setting === 'embedded' ? EMBEDDED : mp3Encoder();
}

type Mp3Encoder = Awaited<ReturnType<typeof import('wasm-media-encoders').createMp3Encoder>>;

/**
 * The embedded encoder: one LAME instance per thread (making one costs 10–80 ms CPU, from a
 * base64 WebAssembly module; small beside the ≈2 s of encoding, but paid for every file).
 * `configure` frees the previous LAME state and starts a new one, so each file is encoded as
 * by a fresh encoder: the same samples give the same bytes (test/audio-mp3.test.ts).
 * A file is encoded in one synchronous run, so calls at once cannot mix their frames.
 */
let encoder: Promise<Mp3Encoder> | undefined;

export async function encodeMp3(pcm: Pcm, options: Mp3Options = DEFAULT_MP3_OPTIONS): Promise<Uint8Array> {
  if ((options.encoder ?? mp3Encoder().id) === 'native') return encodeNative(pcm, options);
  encoder ??= import('wasm-media-encoders').then(({ createMp3Encoder }) => createMp3Encoder());
  return encodeWith(await encoder, pcm, options);
}

function encodeWith(encoder: Mp3Encoder, pcm: Pcm, options: Mp3Options): Uint8Array {
  encoder.configure({ sampleRate: pcm.sampleRate, channels: 1, bitrate: options.bitrate });
  const chunks: Uint8Array[] = [];
  const block = 1152 * 64;
  const floats = new Float32Array(block);
  for (let start = 0; start < pcm.samples.length; start += block) {
    const slice = pcm.samples.subarray(start, start + block);
    const part = slice.length === block ? floats : floats.subarray(0, slice.length);
    for (let i = 0; i < slice.length; i++) part[i] = (slice[i] as number) / 32768;
    chunks.push(encoder.encode([part]).slice()); // the encoder reuses its buffer: copy
  }
  chunks.push(encoder.finalize().slice());
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const mp3 = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    mp3.set(chunk, offset);
    offset += chunk.length;
  }
  return mp3;
}

export const LAME_COMMAND = 'lame';

let detected: { id: Mp3EncoderId; version: string } | undefined;

/** The encoder used when none is asked for: Debian's `lame` if it runs, with its version line. */
export function mp3Encoder(): { id: Mp3EncoderId; version: string } {
  detected ??= detectMp3Encoder();
  return detected;
}

/** As mp3Encoder(), asked again (it is kept for the process: the cache key must not change mid-build). */
export function detectMp3Encoder(): { id: Mp3EncoderId; version: string } {
  const run = spawnSync(LAME_COMMAND, ['--version'], { encoding: 'utf8' });
  const version = run.status === 0 ? run.stdout.split('\n')[0]?.trim() : undefined;
  return version ? { id: 'native', version } : EMBEDDED;
}

const EMBEDDED = { id: 'embedded', version: 'wasm-media-encoders' } as const;

/**
 * Raw 16-bit samples in on stdin, the MP3 out on stdout. `-q 7`: LAME's fast psychoacoustics,
 * a quarter of the CPU of the default `-q 3` and, for one synthetic voice at 48 kbit/s, no
 * worse a signal-to-noise ratio (docs/benchmarks.md). No tag, no Xing frame, no ReplayGain
 * scan: only audio frames, as the embedded encoder gives, so ID3 and the durations are unchanged.
 */
function encodeNative(pcm: Pcm, options: Mp3Options): Promise<Uint8Array> {
  const args = [
    '--quiet',
    '-r',
    '-s',
    String(pcm.sampleRate / 1000),
    '-m',
    'm',
    '--bitwidth',
    '16',
    '--signed',
    endianness() === 'LE' ? '--little-endian' : '--big-endian', // Int16Array is in the machine's order
    '-b',
    String(options.bitrate),
    '--cbr',
    '-q',
    '7',
    '-t',
    '--noreplaygain',
    '-',
    '-',
  ];
  return runPiped(LAME_COMMAND, args, Buffer.from(pcm.samples.buffer, pcm.samples.byteOffset, pcm.samples.byteLength));
}
