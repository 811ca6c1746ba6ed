// The speech process of the native engine (native-engine.ts starts one per MP3): it loads
// libespeak-ng, speaks the texts it is sent one after another, sends their samples back and
// ends. A process of its own because the library's state cannot be reset (libespeak.ts) and
// because the library is not thread-safe: each MP3 worker's speech runs in its own process,
// so the workers speak side by side and never share the library.
import { speakWithLibrary } from './libespeak.js';

export interface SpeechRequest {
  texts: string[];
  voice: { voice: string; rate: number };
  /** The library to load (tests name a missing one). */
  library?: string;
}

export type SpeechReply = { sampleRate: number; parts: Int16Array[] } | { error: string };

process.once('message', (request: SpeechRequest) => {
  let reply: SpeechReply;
  try {
    reply = speakWithLibrary(request.texts, request.voice, request.library);
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  process.send?.(reply, () => process.disconnect());
});
