// Loudness of spoken word: −16 LUFS integrated with true peak at most −1 dBTP (EBU R128 /
// ITU-R BS.1770-4). eSpeak NG speaks near −21 LUFS with peaks near −1.4 dBFS, so the gain
// that reaches −16 LUFS needs a peak limiter. Written here, with libebur128's filter design;
// the tests check it on BS.1770's reference tone and measure the MP3 with ffmpeg's ebur128.
import type { Pcm } from '../speech/engine.js';

export const TARGET_LUFS = -16;
/** The limiter's ceiling, 2 dB below −1 dBTP: MP3 encoding at 48 kbit/s raises peaks by up to ~2 dB. */
const CEILING_DBTP = -3;

/** BS.1770 integrated loudness (mono, gated) of samples in −1…1, in LUFS; −Infinity for silence. */
export function integratedLoudness(samples: Float64Array, sampleRate: number): number {
  return gatedLoudness(kWeighted(samples, sampleRate), sampleRate);
}

/** The gated loudness of K-weighted samples: 400 ms blocks every 100 ms, absolute and relative gates. */
function gatedLoudness(weighted: Float64Array, sampleRate: number): number {
  // Sums of squares per 100 ms step; a 400 ms block is four steps.
  const step = Math.round(0.1 * sampleRate);
  const steps = new Float64Array(Math.floor(weighted.length / step));
  for (let j = 0; j < steps.length; j++) {
    let sum = 0;
    for (let i = j * step; i < (j + 1) * step; i++) sum += (weighted[i] as number) ** 2;
    steps[j] = sum;
  }
  const energies: number[] = [];
  for (let j = 0; j + 4 <= steps.length; j++) {
    energies.push(
      ((steps[j] as number) + (steps[j + 1] as number) + (steps[j + 2] as number) + (steps[j + 3] as number)) /
        (4 * step),
    );
  }
  const loudness = (energy: number) => -0.691 + 10 * Math.log10(energy);
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const absolute = energies.filter((energy) => loudness(energy) > -70);
  if (absolute.length === 0) return Number.NEGATIVE_INFINITY;
  const relativeGate = loudness(mean(absolute)) - 10;
  const gated = absolute.filter((energy) => loudness(energy) > relativeGate);
  return loudness(mean(gated));
}

/** The K-weighting filter (a high shelf, then a high pass) at any sample rate, as libebur128 derives it. */
function kWeighted(samples: Float64Array, sampleRate: number): Float64Array {
  return biquad(biquad(samples, highShelf(sampleRate)), highPass(sampleRate));
}

interface Biquad {
  b: [number, number, number];
  a: [number, number, number];
}

function highShelf(sampleRate: number): Biquad {
  const f0 = 1681.974450955533;
  const gainDb = 3.999843853973347;
  const q = 0.7071752369554196;
  const k = Math.tan((Math.PI * f0) / sampleRate);
  const vh = 10 ** (gainDb / 20);
  const vb = vh ** 0.4996667741545416;
  const a0 = 1 + k / q + k * k;
  return {
    b: [(vh + (vb * k) / q + k * k) / a0, (2 * (k * k - vh)) / a0, (vh - (vb * k) / q + k * k) / a0],
    a: [1, (2 * (k * k - 1)) / a0, (1 - k / q + k * k) / a0],
  };
}

function highPass(sampleRate: number): Biquad {
  const f0 = 38.13547087602444;
  const q = 0.5003270373238773;
  const k = Math.tan((Math.PI * f0) / sampleRate);
  const a0 = 1 + k / q + k * k;
  return { b: [1, -2, 1], a: [1, (2 * (k * k - 1)) / a0, (1 - k / q + k * k) / a0] };
}

function biquad(input: Float64Array, { b, a }: Biquad): Float64Array {
  const [b0, b1, b2] = b.map((value) => value / a[0]) as [number, number, number];
  const a1 = a[1] / a[0];
  const a2 = a[2] / a[0];
  const out = new Float64Array(input.length);
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  for (let i = 0; i < input.length; i++) {
    const x = input[i] as number;
    const y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    out[i] = y;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
  }
  return out;
}

/**
 * Each sample's true-peak magnitude: the larger of it and the three values between it and
 * the next (4× oversampling with a Hann-windowed sinc), computed only where a peak can
 * reach `threshold` (speech is mostly far below it).
 */
function truePeaks(samples: Float64Array, threshold: number): Float64Array {
  const taps = 8; // samples on each side
  const phases = [0.25, 0.5, 0.75].map((fraction) => {
    const weights: number[] = [];
    for (let k = -taps + 1; k <= taps; k++) {
      const t = k - fraction;
      const sinc = t === 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
      const window = 0.5 + 0.5 * Math.cos((Math.PI * t) / (taps + 1));
      weights.push(sinc * window);
    }
    return Float64Array.from(weights);
  });
  const out = new Float64Array(samples.length);
  for (let n = 0; n < samples.length; n++) {
    const here = Math.abs(samples[n] as number);
    const next = Math.abs(samples[n + 1] ?? 0);
    let peak = here;
    // An inter-sample peak is at most ~3 dB above the samples around it in speech.
    if (Math.max(here, next) * 1.5 >= threshold) {
      const from = n - taps + 1;
      if (from < 0 || n + taps >= samples.length) continue;
      for (const weights of phases) {
        let value = 0;
        for (let k = 0; k < weights.length; k++) value += (weights[k] as number) * (samples[from + k] as number);
        peak = Math.max(peak, Math.abs(value));
      }
    }
    out[n] = peak;
  }
  return out;
}

/**
 * The gain for each sample that keeps `gain × true peak` under the ceiling: the needed
 * reduction, held over a window (look-ahead) and smoothed with a moving average of the same
 * width, which never rises above the needed value, so no peak passes.
 */
function limiterGains(peaks: Float64Array, gain: number, ceiling: number, width: number): Float64Array {
  const needed = new Float64Array(peaks.length);
  for (let n = 0; n < peaks.length; n++) {
    const peak = (peaks[n] as number) * gain;
    needed[n] = peak > ceiling ? ceiling / peak : 1;
  }
  const held = slidingMinimum(needed, width);
  const out = new Float64Array(held.length);
  const half = Math.floor(width / 2);
  let sum = 0;
  let count = 0;
  for (let n = -half; n < held.length; n++) {
    const enter = n + half;
    if (enter < held.length) {
      sum += held[enter] as number;
      count++;
    }
    const leave = n - half - 1;
    if (leave >= 0) {
      sum -= held[leave] as number;
      count--;
    }
    if (n >= 0) out[n] = sum / count;
  }
  return out;
}

/** The minimum of each centred window of `width` samples, in one pass (a monotonic queue). */
function slidingMinimum(values: Float64Array, width: number): Float64Array {
  const half = Math.floor(width / 2);
  const out = new Float64Array(values.length);
  const queue = new Int32Array(values.length + half + 1);
  let head = 0;
  let tail = 0;
  for (let n = 0; n < values.length + half; n++) {
    if (n < values.length) {
      while (tail > head && (values[queue[tail - 1] as number] as number) >= (values[n] as number)) tail--;
      queue[tail++] = n;
    }
    const centre = n - half;
    if (centre < 0) continue;
    while ((queue[head] as number) < centre - half) head++;
    out[centre] = values[queue[head] as number] as number;
  }
  return out;
}

/** The speech at −16 LUFS integrated, its true peaks limited below −1 dBTP. */
export function normaliseLoudness(pcm: Pcm): Pcm {
  const samples = new Float64Array(pcm.samples.length);
  for (let n = 0; n < samples.length; n++) samples[n] = (pcm.samples[n] as number) / 32768;
  const weighted = kWeighted(samples, pcm.sampleRate);
  const measured = gatedLoudness(weighted, pcm.sampleRate);
  if (!Number.isFinite(measured)) return pcm;
  const ceiling = 10 ** (CEILING_DBTP / 20);
  let gain = 10 ** ((TARGET_LUFS - measured) / 20);
  const peaks = truePeaks(samples, ceiling / gain);
  const width = Math.round(0.01 * pcm.sampleRate) | 1; // 10 ms: short enough not to pump
  // Limiting lowers the loudness a little: aim again from what the limited speech measures.
  // The gain changes slowly (over 10 ms), so the K-weighted speech times the gain stands
  // for the K-weighted limited speech, and the filter runs once.
  const scratch = new Float64Array(samples.length);
  let gains = limiterGains(peaks, gain, ceiling, width);
  for (let round = 0; round < 4; round++) {
    for (let n = 0; n < samples.length; n++) scratch[n] = (weighted[n] as number) * gain * (gains[n] as number);
    const now = gatedLoudness(scratch, pcm.sampleRate);
    if (Math.abs(now - TARGET_LUFS) < 0.1) break;
    gain *= 10 ** ((TARGET_LUFS - now) / 20);
    gains = limiterGains(peaks, gain, ceiling, width);
  }
  const out = scratch;
  for (let n = 0; n < samples.length; n++) out[n] = (samples[n] as number) * gain * (gains[n] as number);
  const result = new Int16Array(out.length);
  for (let n = 0; n < out.length; n++)
    result[n] = Math.max(-32768, Math.min(32767, Math.round((out[n] as number) * 32768)));
  return { sampleRate: pcm.sampleRate, samples: result };
}
