// Script → speech → MP3 with tags and chapters. Kept apart so the heavy engines load only
// when audio is made. Each segment of the script is spoken on its own and the sound joined
// with pauses of our own length, so every segment starts at a sample offset we know: the
// chapters, captions and chapter links are exact.

import type { RenderSettings } from '../settings.js';
import { type AudioTags, tagMp3 } from './encode/id3.js';
import { normaliseLoudness } from './encode/loudness.js';
import { ENCODER_DELAY_SAMPLES, encodeMp3 } from './encode/mp3.js';
import { forVoice } from './normalise/pronunciation.js';
import type { ScriptSegment } from './script.js';
import { type Pcm, speechEngine, type VoiceOptions } from './speech/engine.js';
import { joinSpeech, PAUSE_SECONDS } from './speech/join.js';
import { chapters } from './timed-text.js';

export interface MakeMp3Options {
  engine: RenderSettings['speechEngine'];
  voice: VoiceOptions;
  tags: AudioTags;
  /** Words the voice says wrongly → eSpeak phonemes (templates/speech/phonemes/<voice>.yaml). */
  pronunciations: Record<string, string>;
}

/** What the voice needs of a segment. */
export type SpokenSegment = Pick<ScriptSegment, 'chapter' | 'pause' | 'spoken'>;

export interface Mp3Result {
  mp3: Uint8Array;
  durationSeconds: number;
  /** Where each segment's voice starts and ends in the MP3 as heard, in milliseconds. */
  times: { start: number; end: number }[];
  /** The whole MP3 as heard, in milliseconds. */
  durationMs: number;
}

export async function makeMp3(segments: readonly SpokenSegment[], options: MakeMp3Options): Promise<Mp3Result> {
  const engine = await speechEngine(options.engine);
  const pronunciations = new Map(Object.entries(options.pronunciations));
  const parts: Pcm[] = [];
  for (const segment of segments)
    parts.push(await engine.synthesise(forVoice(segment.spoken, pronunciations), options.voice));
  const joined = joinSpeech(
    parts,
    segments.map((segment, index) => (index === 0 ? 0 : PAUSE_SECONDS[segment.pause])),
  );
  const { pcm } = joined;
  // A decoder without LAME's gapless header plays the encoder's delay first: chapter times
  // are moved by it so they point at the voice as heard.
  const ms = (sample: number) => Math.round(((sample + ENCODER_DELAY_SAMPLES) / pcm.sampleRate) * 1000);
  const times = joined.spans.map(({ start, end }) => ({ start: ms(start), end: ms(end) }));
  const durationMs = ms(pcm.samples.length);
  const mp3 = tagMp3(await encodeMp3(normaliseLoudness(pcm)), options.tags, chapters(segments, times, durationMs));
  const durationSeconds = Math.round((pcm.samples.length / pcm.sampleRate) * 10) / 10;
  return { mp3, durationSeconds, times, durationMs };
}
