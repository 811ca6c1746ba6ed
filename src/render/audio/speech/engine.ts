// One interface, two eSpeak NG engines: the WebAssembly build from npm (needs nothing
// installed) and Debian's libespeak-ng (native, many times faster). Both return 16-bit mono
// PCM. `auto`, the default, takes the native one when its library is installed.
import type { RenderSettings } from '../../settings.js';
import { libespeakVersion } from './libespeak.js';

export interface Pcm {
  sampleRate: number;
  /** Mono, 16-bit signed. */
  samples: Int16Array;
}

export interface VoiceOptions {
  /** eSpeak NG voice name, e.g. `id`. */
  voice: string;
  /** Words per minute. */
  rate: number;
}

export type SpeechEngineId = Exclude<RenderSettings['speechEngine'], 'auto'>;

export interface SpeechEngine {
  id: SpeechEngineId;
  synthesise(text: string, options: VoiceOptions): Promise<Pcm>;
  /** The texts of one MP3, in order (the native engine's library speaks them in one call). */
  synthesiseAll?(texts: readonly string[], options: VoiceOptions): Promise<Pcm[]>;
}

let detected: { id: SpeechEngineId; version: string } | undefined;

/**
 * The engine a build with this setting uses and its version (for the cache key): `auto`
 * takes the native one when libespeak-ng loads. Detected once per thread, so the cache key
 * cannot change in a build. `native` without the library fails when it speaks, with a message.
 */
export function chosenSpeechEngine(setting: RenderSettings['speechEngine']): { id: SpeechEngineId; version: string } {
  if (setting === 'embedded') return { id: 'embedded', version: 'embedded' };
  detected ??= detectNativeSpeech();
  if (setting === 'native') return { id: 'native', version: detected.id === 'native' ? detected.version : 'missing' };
  return detected;
}

function detectNativeSpeech(): { id: SpeechEngineId; version: string } {
  const version = libespeakVersion();
  return version ? { id: 'native', version: `libespeak-ng ${version}` } : { id: 'embedded', version: 'embedded' };
}
