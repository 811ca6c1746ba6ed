// MP3 through LAME compiled to WebAssembly (npm `wasm-media-encoders`): constant bit rate,
// mono, so the same samples always give the same bytes and duration = size / bit rate.
import type { Pcm } from '../speech/engine.js';

export interface Mp3Options {
  /** kbit/s; 48 is plenty for one synthetic voice at 22.05 kHz. */
  bitrate: 32 | 40 | 48 | 64;
}

/**
 * Samples of silence a decoder plays before the first sample we encoded: LAME's 576 plus the
 * decoder's 529 (measured with ffmpeg on a click: 1105). The MP3 has no gapless header to say so.
 */
export const ENCODER_DELAY_SAMPLES = 1105;

export const DEFAULT_MP3_OPTIONS: Mp3Options = { bitrate: 48 };

export async function encodeMp3(pcm: Pcm, options: Mp3Options = DEFAULT_MP3_OPTIONS): Promise<Uint8Array> {
  const { createMp3Encoder } = await import('wasm-media-encoders');
  const encoder = await createMp3Encoder();
  encoder.configure({ sampleRate: pcm.sampleRate, channels: 1, bitrate: options.bitrate });
  const chunks: Uint8Array[] = [];
  const block = 1152 * 64;
  for (let start = 0; start < pcm.samples.length; start += block) {
    const slice = pcm.samples.subarray(start, start + block);
    const floats = new Float32Array(slice.length);
    for (let i = 0; i < slice.length; i++) floats[i] = (slice[i] as number) / 32768;
    chunks.push(encoder.encode([floats]).slice()); // the encoder reuses its buffer: copy
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
