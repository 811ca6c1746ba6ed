// The process that makes MP3s with the native engine (speech/native-engine.ts starts them):
// it loads libespeak-ng and makes the MP3 of each script it is sent, one at a time, each with
// an instance of the library that has spoken nothing (the first it loaded, then fresh copies:
// speech/libespeak.ts), so an MP3 is the same whichever process made it and after what. It
// ends when the build lets it go. Its own process because the library is not thread-safe and
// the samples of a long procedure (≈ 15 MB, in several forms) are best kept out of the build.
import { makeMp3With } from './make-mp3.js';
import type { Mp3Reply, Mp3Request } from './mp3-types.js';
import { freshLibrary } from './speech/libespeak.js';
import { libraryEngine } from './speech/native-engine.js';

/** An instance that has spoken nothing, for the next script (after the first). */
let next: string | undefined;

process.on('message', async ({ segments, options, library, another }: Mp3Request) => {
  const instance = next ?? library;
  next = undefined;
  let reply: Mp3Reply;
  try {
    reply = await makeMp3With(libraryEngine(instance), segments, options);
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  if (another && !('error' in reply)) next = freshLibrary(library);
  process.send?.({ ...reply, another: next !== undefined } satisfies Mp3Reply);
});
// Let go (or the build ended): nothing more to make.
process.on('disconnect', () => process.exit(0));
