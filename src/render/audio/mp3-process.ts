// The process that makes one MP3 with the native engine (speech/native-engine.ts starts one
// per MP3): it loads libespeak-ng, makes the MP3 of the script it is sent, sends it back and
// ends. A process of its own because the library's state cannot be reset (speech/libespeak.ts).
import { makeMp3With } from './make-mp3.js';
import type { Mp3Reply, Mp3Request } from './mp3-types.js';
import { libraryEngine } from './speech/native-engine.js';

process.once('message', async ({ segments, options, library }: Mp3Request) => {
  let reply: Mp3Reply;
  try {
    reply = await makeMp3With(libraryEngine(library), segments, options);
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  process.send?.(reply, () => process.disconnect());
});
