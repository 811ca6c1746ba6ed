// Script → speech → MP3 with tags. Kept apart so the heavy engines load only when audio is made.

import type { RenderSettings } from '../settings.js';
import { type AudioTags, tagMp3 } from './encode/id3.js';
import { normaliseLoudness } from './encode/loudness.js';
import { encodeMp3 } from './encode/mp3.js';
import { forVoice } from './normalise/pronunciation.js';
import { speechEngine, type VoiceOptions } from './speech/engine.js';

export interface MakeMp3Options {
  engine: RenderSettings['speechEngine'];
  voice: VoiceOptions;
  tags: AudioTags;
  /** Words the voice says wrongly → eSpeak phonemes (templates/speech/phonemes/<voice>.yaml). */
  pronunciations: Record<string, string>;
}

export async function makeMp3(script: string, options: MakeMp3Options) {
  const engine = await speechEngine(options.engine);
  const pcm = await engine.synthesise(forVoice(script, new Map(Object.entries(options.pronunciations))), options.voice);
  const mp3 = tagMp3(await encodeMp3(normaliseLoudness(pcm)), options.tags);
  const durationSeconds = Math.round((pcm.samples.length / pcm.sampleRate) * 10) / 10;
  return { mp3, durationSeconds };
}
