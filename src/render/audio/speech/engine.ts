// One interface, two eSpeak NG engines: the WebAssembly build from npm (default, needs
// nothing installed) and Debian's espeak-ng command (faster). Same voice data version
// gives the same samples; both return 16-bit mono PCM.
import type { RenderSettings } from '../../settings.js';

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

export interface SpeechEngine {
  id: RenderSettings['speechEngine'];
  synthesise(text: string, options: VoiceOptions): Promise<Pcm>;
}

/** The engine a build asked for; heavy modules load only when chosen. */
export async function speechEngine(id: RenderSettings['speechEngine']): Promise<SpeechEngine> {
  if (id === 'native') return (await import('./native-engine.js')).nativeEngine;
  return (await import('./embedded-engine.js')).embeddedEngine;
}

/** eSpeak NG's command-line arguments, shared by both engines so they say the same. */
export function espeakArguments({ voice, rate }: VoiceOptions): string[] {
  return ['-v', voice, '-s', String(Math.round(rate))];
}
