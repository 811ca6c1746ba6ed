// What an MP3 is made from and what comes back: shared by make-mp3.ts, the process and the
// worker that run it, and the renderers that read its times, so none imports another for its types.
import type { RenderSettings } from '../settings.js';
import type { AudioTags } from './encode/id3.js';
import type { Mp3EncoderId } from './encode/mp3.js';
import type { ScriptSegment, ScriptSentence } from './script.js';
import type { VoiceOptions } from './speech/engine.js';

export interface MakeMp3Options {
  engine: RenderSettings['speechEngine'];
  /**
   * `embedded`: the WebAssembly LAME even where Debian's `lame` is installed; `auto` when left
   * out; `native`: Debian's `lame`, as `auto` found it (what the MP3 process is sent).
   */
  encoder?: RenderSettings['mp3Encoder'] | Mp3EncoderId;
  voice: VoiceOptions;
  tags: AudioTags;
  /** Words the voice says wrongly → eSpeak phonemes (templates/speech/phonemes/<voice>.yaml). */
  pronunciations: Record<string, string>;
}

/** What the voice needs of a segment: its sentences, or (without them) its text as one. */
export type SpokenSegment = Pick<ScriptSegment, 'chapter' | 'pause' | 'spoken'> & {
  sentences?: readonly Pick<ScriptSentence, 'spoken'>[];
};

/** Where a sentence's voice starts and ends in the MP3 as heard, in milliseconds. */
export interface SentenceTime {
  /** The segment's index. */
  segment: number;
  /** The sentence's index in its segment. */
  index: number;
  start: number;
  end: number;
}

export interface Mp3Result {
  mp3: Uint8Array;
  durationSeconds: number;
  /** Where each segment's voice starts and ends in the MP3 as heard, in milliseconds. */
  times: { start: number; end: number }[];
  /** The whole MP3 as heard, in milliseconds. */
  durationMs: number;
  /** Every sentence, in order (segment by segment). */
  sentences: SentenceTime[];
}

export interface Mp3Request {
  segments: SpokenSegment[];
  options: MakeMp3Options;
  /** The library to load (tests name a missing one). */
  library: string;
  /** Whether the process should make itself ready for another script. */
  another: boolean;
}

/** `another`: the process has an instance of the library that has spoken nothing, for the next script. */
export type Mp3Reply = (Mp3Result | { error: string }) & { another?: boolean };
