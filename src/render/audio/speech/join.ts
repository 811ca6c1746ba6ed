// Joins separately spoken segments into one sound with pauses of a set length. eSpeak's own
// silence at either end of a segment is cut first, so the pause heard is the one chosen here.
import type { Pcm } from './engine.js';

/**
 * Before a section (1.2–1.5 s is what listeners hear as a change of topic), before a step,
 * and between the sentences of a segment (each is spoken on its own, make-mp3.ts).
 */
export const PAUSE_SECONDS = { section: 1.3, item: 0.6, sentence: 0.4 } as const;

/** Below this a sample counts as silence (eSpeak's is exact zeros; its breath a few units). */
const SILENCE = 64;

export interface JoinedSpeech {
  pcm: Pcm;
  /** Each part's voice in the joined sound, in samples. */
  spans: { start: number; end: number }[];
}

export function joinSpeech(parts: readonly Pcm[], pausesBefore: readonly number[]): JoinedSpeech {
  const sampleRate = parts[0]?.sampleRate ?? 22050;
  const voiced = parts.map((part) => {
    if (part.sampleRate !== sampleRate) throw new Error('segments spoken at different sample rates');
    return trimSilence(part.samples);
  });
  const pauses = pausesBefore.map((seconds) => Math.round(seconds * sampleRate));
  const total = voiced.reduce((sum, samples, index) => sum + samples.length + (pauses[index] ?? 0), 0);
  const samples = new Int16Array(total);
  const spans: JoinedSpeech['spans'] = [];
  let offset = 0;
  voiced.forEach((part, index) => {
    offset += pauses[index] ?? 0;
    samples.set(part, offset);
    spans.push({ start: offset, end: offset + part.length });
    offset += part.length;
  });
  return { pcm: { sampleRate, samples }, spans };
}

function trimSilence(samples: Int16Array): Int16Array {
  let start = 0;
  let end = samples.length;
  while (start < end && Math.abs(samples[start] as number) < SILENCE) start++;
  while (end > start && Math.abs(samples[end - 1] as number) < SILENCE) end--;
  return samples.subarray(start, end);
}
