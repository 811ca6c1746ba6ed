// Script → speech → MP3 with tags and chapters. Kept apart so the heavy engines load only
// when audio is made. Each sentence of the script is spoken on its own and the sound joined
// with pauses of our own length (between sentences, before a step, before a section), so
// every sentence starts at a sample offset we know: the chapters, the captions, the chapter
// links and the talking book's clips are exact, on both engines (the native one has no
// timing events).
//
// Where an MP3 is made depends on the engine. The native one (Debian's libespeak-ng) cannot
// be reset, so every MP3 is made whole in a fresh process of its own (mp3-process.ts): the
// speech, the loudness, the encoding and the tags, its samples never leaving that process.
// The embedded one (WebAssembly) is reset per text and speaks on the calling thread.
import { tagMp3 } from './encode/id3.js';
import { normaliseLoudness } from './encode/loudness.js';
import { ENCODER_DELAY_SAMPLES, encodeMp3, mp3Options } from './encode/mp3.js';
import type { MakeMp3Options, Mp3Result, SpokenSegment } from './mp3-types.js';
import { forVoice } from './normalise/pronunciation.js';
import { chosenSpeechEngine, type Pcm, type SpeechEngine, type VoiceOptions } from './speech/engine.js';
import { joinSpeech, PAUSE_SECONDS } from './speech/join.js';
import { chapters } from './timed-text.js';

/** The MP3 of a script: in a process of its own with the native engine, on this thread with the embedded one. */
export async function makeMp3(segments: readonly SpokenSegment[], options: MakeMp3Options): Promise<Mp3Result> {
  if (chosenSpeechEngine(options.engine).id === 'native') {
    return (await import('./speech/native-engine.js')).makeMp3InProcess(segments, options);
  }
  return makeMp3With((await import('./speech/embedded-engine.js')).embeddedEngine, segments, options);
}

/** The MP3 of a script spoken by this engine, here. */
export async function makeMp3With(
  engine: SpeechEngine,
  segments: readonly SpokenSegment[],
  options: MakeMp3Options,
): Promise<Mp3Result> {
  const { texts, pauses, owners } = spokenParts(segments, options.pronunciations);
  const joined = joinSpeech(await synthesiseAll(engine, texts, options.voice), pauses);
  const { pcm } = joined;
  // A decoder without LAME's gapless header plays the encoder's delay first: the times are
  // moved by it so they point at the voice as heard.
  const ms = (sample: number) => Math.round(((sample + ENCODER_DELAY_SAMPLES) / pcm.sampleRate) * 1000);
  const sentences = joined.spans.map(({ start, end }, part) => ({
    ...(owners[part] ?? { segment: 0, index: 0 }),
    start: ms(start),
    end: ms(end),
  }));
  const times = segments.map((_, index) => {
    const own = sentences.filter((sentence) => sentence.segment === index);
    return { start: own[0]?.start ?? 0, end: own[own.length - 1]?.end ?? 0 };
  });
  const durationMs = ms(pcm.samples.length);
  const mp3 = tagMp3(
    await encodeMp3(normaliseLoudness(pcm), mp3Options(options.encoder)),
    options.tags,
    chapters(segments, times, durationMs),
  );
  const durationSeconds = Math.round((pcm.samples.length / pcm.sampleRate) * 10) / 10;
  return { mp3, durationSeconds, times, durationMs, sentences };
}

/** The texts the voice says, one per sentence, each with the pause before it and whose it is. */
export function spokenParts(segments: readonly SpokenSegment[], pronunciationsByWord: Record<string, string>) {
  const pronunciations = new Map(Object.entries(pronunciationsByWord));
  const texts: string[] = [];
  const pauses: number[] = [];
  const owners: { segment: number; index: number }[] = [];
  for (const [segmentIndex, segment] of segments.entries()) {
    const sentences = segment.sentences?.length ? segment.sentences : [{ spoken: segment.spoken }];
    for (const [index, sentence] of sentences.entries()) {
      texts.push(forVoice(sentence.spoken, pronunciations));
      pauses.push(index > 0 ? PAUSE_SECONDS.sentence : segmentIndex === 0 ? 0 : PAUSE_SECONDS[segment.pause]);
      owners.push({ segment: segmentIndex, index });
    }
  }
  return { texts, pauses, owners };
}

/** Every sentence, in order: the native engine's library speaks them in one call; the embedded one one by one. */
async function synthesiseAll(engine: SpeechEngine, texts: readonly string[], voice: VoiceOptions): Promise<Pcm[]> {
  if (engine.synthesiseAll) return engine.synthesiseAll(texts, voice);
  const parts: Pcm[] = [];
  for (const text of texts) parts.push(await engine.synthesise(text, voice));
  return parts;
}
