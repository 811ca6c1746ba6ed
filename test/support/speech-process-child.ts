// The process of speech-process.ts: speaks the texts it is sent with the library, sends the samples back, ends.
import { speakWithLibrary } from '../../src/render/audio/speech/libespeak.js';

process.once(
  'message',
  ({ texts, voice, library }: { texts: string[]; voice: { voice: string; rate: number }; library: string }) => {
    let reply: ReturnType<typeof speakWithLibrary> | { error: string };
    try {
      reply = speakWithLibrary(texts, voice, library);
    } catch (error) {
      reply = { error: error instanceof Error ? error.message : String(error) };
    }
    process.send?.(reply, () => process.disconnect());
  },
);
