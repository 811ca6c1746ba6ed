// Loudness of spoken word: −16 LUFS integrated with true peak at most −1 dBTP (EBU R128 /
// ITU-R BS.1770-4). eSpeak NG speaks near −21 LUFS with peaks near −1.4 dBFS, so the gain
// that reaches −16 LUFS needs a peak limiter. Written here, with libebur128's filter design;
// the tests check it on BS.1770's reference tone and measure the MP3 with ffmpeg's ebur128.
//
// Made for speed (issue #16): the K-weighting runs once, in one pass that also sums the
// energy of each 100 ms step, and everything after it works on those few thousand sums or on
// the few places the limiter touches (speech is mostly far below the ceiling): the true
// peaks are computed only where a peak can reach the ceiling, the limiter's gain is kept only
// around them (it is 1 elsewhere), and each round of aiming re-sums only the steps it touches.
import type { Pcm } from '../speech/engine.js';

export const TARGET_LUFS = -16;
/** The limiter's ceiling, 2 dB below −1 dBTP: MP3 encoding at 48 kbit/s raises peaks by up to ~2 dB. */
const CEILING_DBTP = -3;
/** True peaks are found for a gain up to this much above the first aim (limiting lowers loudness, so the gain rises). */
const PEAK_HEADROOM = 10 ** (2.5 / 20);

/** BS.1770 integrated loudness (mono, gated) of samples in −1…1, in LUFS; −Infinity for silence. */
export function integratedLoudness(samples: Float64Array, sampleRate: number): number {
  const { steps, step } = kWeighted(samples, 1, sampleRate);
  return gatedLoudness(steps, step);
}

/**
 * The K-weighting filter (a high shelf, then a high pass, as libebur128 derives them for any
 * sample rate) over the samples times `scale`, in one pass: the sum of the squares of the
 * weighted samples per 100 ms step (a 400 ms block is four steps; a last partial step is
 * left out, as it is in no block), and the filter's state at the start of each step, from
 * which the limiter weighs again only the few steps it touches (weightedStep). The weighted
 * samples themselves are not kept: for a long procedure they were 30 MB per MP3 in the making.
 */
function kWeighted(samples: Int16Array | Float64Array, scale: number, sampleRate: number): KWeighting {
  const step = Math.round(0.1 * sampleRate);
  const count = Math.floor(samples.length / step);
  const weighting: KWeighting = {
    samples,
    scale,
    shelf: highShelf(sampleRate),
    pass: highPass(sampleRate),
    step,
    steps: new Float64Array(count),
    states: new Float64Array(count * STATE),
  };
  const state = new Float64Array(STATE);
  const scratch = new Float32Array(step);
  for (let j = 0; j < count; j++) {
    weighting.states.set(state, j * STATE);
    weighting.steps[j] = filterStep(weighting, j, state, scratch);
  }
  return weighting;
}

/** What the filter needs to weigh a step again: its input, its coefficients and its state at each step's start. */
interface KWeighting {
  samples: Int16Array | Float64Array;
  scale: number;
  shelf: Coefficients;
  pass: Coefficients;
  /** Samples per 100 ms step. */
  step: number;
  /** The sum of the squares of the weighted samples, per step. */
  steps: Float64Array;
  /** x1, x2, y1, y2, z1, z2 at the start of each step. */
  states: Float64Array;
}

const STATE = 6;

/**
 * Step j of the K-weighted samples into `out` (as 32-bit floats, as the limiter reads them),
 * from the filter's state before it, which is left as it is after it; returns the sum of squares.
 */
function filterStep(weighting: KWeighting, j: number, state: Float64Array, out: Float32Array): number {
  const { samples, scale, step, pass } = weighting;
  const { b0, b1, b2, a1, a2 } = weighting.shelf;
  let x1 = state[0] as number;
  let x2 = state[1] as number;
  let y1 = state[2] as number;
  let y2 = state[3] as number;
  let z1 = state[4] as number;
  let z2 = state[5] as number;
  let sum = 0;
  for (let i = 0, n = j * step; i < step; i++, n++) {
    const x = (samples[n] as number) * scale;
    // The previous output's term last: the next sample waits only for that multiply and add.
    const y = b0 * x + b1 * x1 + b2 * x2 - a2 * y2 - a1 * y1;
    const z = y - 2 * y1 + y2 - pass.a2 * z2 - pass.a1 * z1; // the high pass's b is 1, −2, 1
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
    z2 = z1;
    z1 = z;
    out[i] = z;
    sum += z * z;
  }
  state[0] = x1;
  state[1] = x2;
  state[2] = y1;
  state[3] = y2;
  state[4] = z1;
  state[5] = z2;
  return sum;
}

/** Step j's K-weighted samples, weighed again from the state kept at its start: the values of the first pass. */
function weightedStep(weighting: KWeighting, j: number): Float32Array {
  const out = new Float32Array(weighting.step);
  filterStep(weighting, j, weighting.states.slice(j * STATE, (j + 1) * STATE), out);
  return out;
}

/** Gated loudness from the sums of squares per 100 ms step: 400 ms blocks every 100 ms, absolute and relative gates. */
function gatedLoudness(steps: Float64Array, step: number, scale = 1): number {
  const blocks = Math.max(0, steps.length - 3);
  const energies = new Float64Array(blocks);
  for (let j = 0; j < blocks; j++)
    energies[j] =
      (scale *
        ((steps[j] as number) + (steps[j + 1] as number) + (steps[j + 2] as number) + (steps[j + 3] as number))) /
      (4 * step);
  const absolute = meanAbove(energies, energyOf(-70));
  if (Number.isNaN(absolute)) return Number.NEGATIVE_INFINITY;
  return loudnessOf(meanAbove(energies, energyOf(loudnessOf(absolute) - 10)));
}

const loudnessOf = (energy: number) => -0.691 + 10 * Math.log10(energy);
const energyOf = (loudness: number) => 10 ** ((loudness + 0.691) / 10);

/** The mean of the energies above the gate; NaN when none is. */
function meanAbove(energies: Float64Array, gate: number): number {
  let sum = 0;
  let count = 0;
  for (const energy of energies) {
    if (energy > gate) {
      sum += energy;
      count++;
    }
  }
  return sum / count;
}

interface Coefficients {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

function highShelf(sampleRate: number): Coefficients {
  const f0 = 1681.974450955533;
  const gainDb = 3.999843853973347;
  const q = 0.7071752369554196;
  const k = Math.tan((Math.PI * f0) / sampleRate);
  const vh = 10 ** (gainDb / 20);
  const vb = vh ** 0.4996667741545416;
  const a0 = 1 + k / q + k * k;
  return {
    b0: (vh + (vb * k) / q + k * k) / a0,
    b1: (2 * (k * k - vh)) / a0,
    b2: (vh - (vb * k) / q + k * k) / a0,
    a1: (2 * (k * k - 1)) / a0,
    a2: (1 - k / q + k * k) / a0,
  };
}

function highPass(sampleRate: number): Coefficients {
  const f0 = 38.13547087602444;
  const q = 0.5003270373238773;
  const k = Math.tan((Math.PI * f0) / sampleRate);
  const a0 = 1 + k / q + k * k;
  return { b0: 1, b1: -2, b2: 1, a1: (2 * (k * k - 1)) / a0, a2: (1 - k / q + k * k) / a0 };
}

/** Samples whose true peak may need limiting: where they are, in order, and their true-peak magnitude. */
interface Peaks {
  at: Int32Array;
  peak: Float64Array;
}

const TAPS = 8; // samples on each side of the interpolation
/**
 * 4× oversampling: the weights of a Hann-windowed sinc for the three values between a sample
 * and the next (at a quarter, a half and three quarters), interleaved: tap k of phase p at 3k + p.
 */
const PHASE_WEIGHTS = (() => {
  const weights = new Float64Array(3 * 2 * TAPS);
  for (let k = 0; k < 2 * TAPS; k++) {
    for (let p = 0; p < 3; p++) {
      const t = k - TAPS + 1 - (p + 1) / 4;
      const sinc = Math.sin(Math.PI * t) / (Math.PI * t);
      weights[3 * k + p] = sinc * (0.5 + 0.5 * Math.cos((Math.PI * t) / (TAPS + 1)));
    }
  }
  return weights;
})();

/**
 * The true peak (the larger of a sample and the three values between it and the next) of
 * every sample where one can reach `threshold`: an inter-sample peak is at most ~3 dB above
 * the samples around it in speech, so only samples within 1.5× of it are interpolated.
 */
function truePeaks(samples: Int16Array, threshold: number): Peaks {
  const limit = (threshold * 32768) / 1.5;
  const candidates: number[] = [];
  let loud = false; // sample n + 1 reaches the limit
  for (let n = samples.length - 1; n >= 0; n--) {
    const here = Math.abs(samples[n] as number) >= limit;
    if (here || loud) candidates.push(n);
    loud = here;
  }
  const at = new Int32Array(candidates.length);
  const peak = new Float64Array(candidates.length);
  for (let i = 0; i < at.length; i++) {
    const n = candidates[at.length - 1 - i] as number; // found from the end
    at[i] = n;
    peak[i] = truePeakAt(samples, n) / 32768;
  }
  return { at, peak };
}

/** The largest magnitude of sample n and the three interpolated values after it (the sample alone at the ends). */
function truePeakAt(samples: Int16Array, n: number): number {
  const here = Math.abs(samples[n] as number);
  const from = n - TAPS + 1;
  if (from < 0 || n + TAPS >= samples.length) return here;
  let quarter = 0;
  let half = 0;
  let threeQuarters = 0;
  for (let k = 0; k < 2 * TAPS; k++) {
    const sample = samples[from + k] as number;
    quarter += (PHASE_WEIGHTS[3 * k] as number) * sample;
    half += (PHASE_WEIGHTS[3 * k + 1] as number) * sample;
    threeQuarters += (PHASE_WEIGHTS[3 * k + 2] as number) * sample;
  }
  return Math.max(here, Math.abs(quarter), Math.abs(half), Math.abs(threeQuarters));
}

/** The limiter's gain over samples `from` … `from + gains.length − 1`; 1 elsewhere. */
interface GainSpan {
  from: number;
  gains: Float64Array;
}

/**
 * The gain for each sample that keeps `gain × true peak` under the ceiling: the needed
 * reduction, held over a window of `width` samples (look-ahead) and smoothed with a moving
 * average of the same width, which never rises above the needed value, so no peak passes.
 * Only the spans around samples that need reduction are computed (the gain is 1 elsewhere).
 */
function limiterGains(peaks: Peaks, length: number, gain: number, ceiling: number, width: number): GainSpan[] {
  const half = Math.floor(width / 2);
  const reach = 2 * half; // a needed reduction lowers the gain this far on either side
  const spans: GainSpan[] = [];
  const limit = ceiling / gain;
  let first = -1;
  let last = -1;
  for (let i = 0; i < peaks.at.length; i++) {
    if ((peaks.peak[i] as number) <= limit) continue;
    // Peaks further apart than both reaches get spans of their own.
    if (first >= 0 && (peaks.at[i] as number) - (peaks.at[last] as number) > 2 * reach + 1) {
      spans.push(span(peaks, first, last, length, gain, ceiling, half));
      first = -1;
    }
    if (first < 0) first = i;
    last = i;
  }
  if (first >= 0) spans.push(span(peaks, first, last, length, gain, ceiling, half));
  return spans;
}

/** The limiter's gain around the peaks `first` … `last` (indices into `peaks`), which need reduction. */
function span(
  peaks: Peaks,
  first: number,
  last: number,
  length: number,
  gain: number,
  ceiling: number,
  half: number,
): GainSpan {
  // Needed reductions from `lo`, held from `lo + half`, smoothed from `lo + 2 half`: windows cut
  // at `lo` and `hi` miss only values of 1, except at the ends of the sound, where the windows
  // are cut as they are at those ends.
  const start = Math.max(0, (peaks.at[first] as number) - 2 * half);
  const end = Math.min(length, (peaks.at[last] as number) + 2 * half + 1);
  const lo = Math.max(0, start - half);
  const hi = Math.min(length, end + half);
  const needed = scratch(hi - lo).fill(1);
  for (let i = first; i <= last; i++) {
    const peak = (peaks.peak[i] as number) * gain;
    if (peak > ceiling) needed[(peaks.at[i] as number) - lo] = ceiling / peak;
  }
  const held = slidingMinimum(needed, half, scratchHeld.subarray(0, needed.length), scratchQueue);
  const gains = new Float64Array(end - start);
  let sum = 0;
  let count = 0;
  let enter = Math.max(lo, start - half);
  let leave = enter;
  for (let n = start; n < end; n++) {
    for (; enter <= Math.min(hi - 1, n + half); enter++, count++) sum += held[enter - lo] as number;
    for (; leave < n - half; leave++, count--) sum -= held[leave - lo] as number;
    gains[n - start] = sum / count;
  }
  return { from: start, gains };
}

/** Working memory for the spans, kept between them (a build makes thousands). */
let scratchNeeded = new Float64Array(0);
let scratchHeld = new Float64Array(0);
let scratchQueue = new Int32Array(0);
function scratch(length: number): Float64Array {
  if (scratchNeeded.length < length) {
    scratchNeeded = new Float64Array(length);
    scratchHeld = new Float64Array(length);
    scratchQueue = new Int32Array(length);
  }
  return scratchNeeded.subarray(0, length);
}

/** The minimum of each window of 2 × half + 1 values centred on it, in one pass (a monotonic queue). */
function slidingMinimum(values: Float64Array, half: number, out: Float64Array, queue: Int32Array): Float64Array {
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

/**
 * The sums of squares per step of the K-weighted speech times the limiter's gain: each step
 * as measured, less what the gain takes away where a span lowers it. The gain changes slowly
 * (over 10 ms), so the K-weighted speech times the gain stands for the K-weighted limited
 * speech, and the filter runs once over the whole speech (and again over the steps spans touch).
 */
function limitedSteps(limiter: Limiter, spans: GainSpan[]): Float64Array {
  const { steps, step } = limiter.weighting;
  const out = steps.slice();
  for (const { from, gains } of spans) {
    const end = Math.min(from + gains.length, steps.length * step);
    for (let n = from; n < end; ) {
      const j = Math.floor(n / step);
      const weighted = weightedOf(limiter, j);
      let sum = out[j] as number;
      for (const stepEnd = Math.min(end, (j + 1) * step); n < stepEnd; n++) {
        const value = weighted[n - j * step] as number;
        const gain = gains[n - from] as number;
        sum -= value * value * (1 - gain * gain);
      }
      out[j] = sum;
    }
  }
  return out;
}

/** A step's K-weighted samples, weighed again the first time a span touches it and kept for the next aims. */
function weightedOf(limiter: Limiter, j: number): Float32Array {
  let weighted = limiter.touched.get(j);
  if (!weighted) {
    weighted = weightedStep(limiter.weighting, j);
    limiter.touched.set(j, weighted);
  }
  return weighted;
}

/** What the limiter works from: the speech, its K-weighted measure, and its true peaks found so far. */
interface Limiter {
  samples: Int16Array;
  weighting: KWeighting;
  /** The K-weighted samples of the steps spans have touched so far. */
  touched: Map<number, Float32Array>;
  ceiling: number;
  width: number;
  peaks: Peaks;
  /** The gain up to which `peaks` holds every sample that can need limiting. */
  peaksFor: number;
}

/** The limiter's spans at a gain (in dB), and the loudness of the limited speech. */
function limitAt(limiter: Limiter, gainDb: number) {
  const gain = 10 ** (gainDb / 20);
  if (gain > limiter.peaksFor) {
    limiter.peaksFor = gain * PEAK_HEADROOM;
    limiter.peaks = truePeaks(limiter.samples, limiter.ceiling / limiter.peaksFor);
  }
  const spans = limiterGains(limiter.peaks, limiter.samples.length, gain, limiter.ceiling, limiter.width);
  const loudness = gatedLoudness(limitedSteps(limiter, spans), limiter.weighting.step, gain * gain);
  return { gain, spans, loudness };
}

/** How close to the target the limited speech must measure, in LU. */
const TOLERANCE_LU = 0.1;

/** The speech at −16 LUFS integrated, its true peaks limited below −1 dBTP. */
export function normaliseLoudness(pcm: Pcm): Pcm {
  const { samples, sampleRate } = pcm;
  const weighting = kWeighted(samples, 1 / 32768, sampleRate);
  const measured = gatedLoudness(weighting.steps, weighting.step);
  if (!Number.isFinite(measured)) return pcm;
  const limiter: Limiter = {
    samples,
    weighting,
    touched: new Map(),
    ceiling: 10 ** (CEILING_DBTP / 20),
    width: Math.round(0.01 * sampleRate) | 1, // 10 ms: short enough not to pump
    peaks: { at: new Int32Array(0), peak: new Float64Array(0) },
    peaksFor: 0,
  };
  // Limiting lowers the loudness, by more the louder the speech is made: aim again from what
  // the limited speech measures, first as if the limiter took half of any more gain (as it
  // does on eSpeak's speech), then by the secant through the last two aims.
  let gainDb = TARGET_LUFS - measured;
  let limited = limitAt(limiter, gainDb);
  let slope = 0.5;
  for (let round = 0; round < 8 && Math.abs(limited.loudness - TARGET_LUFS) >= TOLERANCE_LU; round++) {
    const before = { gainDb, loudness: limited.loudness };
    gainDb += (TARGET_LUFS - limited.loudness) / slope;
    limited = limitAt(limiter, gainDb);
    const secant = (limited.loudness - before.loudness) / (gainDb - before.gainDb);
    slope = secant > 0.1 ? secant : 1; // the loudness rises with the gain; 1 if a step was too small to tell
  }
  return { sampleRate, samples: withGains(samples, limited.gain, limited.spans) };
}

/** The samples times the gain, and times the limiter's gain in its spans. */
function withGains(samples: Int16Array, gain: number, spans: GainSpan[]): Int16Array {
  const result = new Int16Array(samples.length);
  // Rounded as Math.round does, but Math.round took 4× the time of the whole loop on the build machine.
  // Outside the spans no peak reaches the ceiling, so nothing there can clip.
  for (let n = 0; n < samples.length; n++) result[n] = Math.floor((samples[n] as number) * gain + 0.5);
  for (const { from, gains } of spans) {
    for (let i = 0; i < gains.length; i++) {
      const value = Math.floor((samples[from + i] as number) * gain * (gains[i] as number) + 0.5);
      result[from + i] = Math.max(-32768, Math.min(32767, value));
    }
  }
  return result;
}
