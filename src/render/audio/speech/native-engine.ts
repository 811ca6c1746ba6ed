// Debian's eSpeak NG (`apt-get install espeak-ng`) through its library, libespeak-ng: a
// speech process (library-process.ts) per MP3 speaks all its sentences, one after another,
// and ends. A process per MP3 starts the library fresh, so the same script always gives the
// same samples, whatever was spoken before and on whichever worker; its ≈0.08 s CPU is paid
// once per MP3, where the espeak-ng command cost a process (and its voice data read) per sentence.
import { fork } from 'node:child_process';
import type { Pcm, SpeechEngine, VoiceOptions } from './engine.js';
import { LIBESPEAK_MISSING, LIBESPEAK_NG, libespeakVersion } from './libespeak.js';
import type { SpeechReply, SpeechRequest } from './library-process.js';

// From dist the speech process is compiled JS; from src (vitest, tsx) it is TypeScript, loaded through tsx.
const fromSource = import.meta.url.endsWith('.ts');
const processFile = new URL(fromSource ? './library-process.ts' : './library-process.js', import.meta.url);

export const nativeEngine: SpeechEngine = {
  id: 'native',
  async synthesise(text, options): Promise<Pcm> {
    const [pcm] = await speakInProcess([text], options);
    if (!pcm) throw new Error('the native speech engine returned no sound');
    return pcm;
  },
  synthesiseAll: (texts, options) => speakInProcess(texts, options),
};

/** The library's version for the cache key, or undefined when it is not installed. */
export function nativeSpeechVersion(): string | undefined {
  return libespeakVersion();
}

/** Every text, in order, spoken by a new speech process. `library`: another library to load (tests). */
export function speakInProcess(texts: readonly string[], voice: VoiceOptions, library = LIBESPEAK_NG): Promise<Pcm[]> {
  return new Promise((resolve, reject) => {
    const child = fork(processFile, {
      // Not the build's own flags (a heap size, an inspector); the source needs tsx's loader
      // (resolved here: the build's working folder may be anywhere).
      execArgv: fromSource ? ['--import', import.meta.resolve('tsx')] : [],
      serialization: 'advanced', // typed arrays pass as they are
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    let reply: SpeechReply | undefined;
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('message', (message: SpeechReply) => {
      reply = message;
    });
    child.once('error', (error) => reject(new Error(`the native speech engine could not start: ${error.message}`)));
    child.once('exit', (code, signal) => {
      if (reply && 'parts' in reply) {
        const { sampleRate, parts } = reply;
        resolve(parts.map((samples) => ({ sampleRate, samples })));
      } else if (reply) {
        reject(new Error(reply.error));
      } else {
        const how = signal ? `was stopped (${signal})` : `ended (exit ${code})`;
        reject(new Error(`the native speech engine ${how} before it spoke: ${stderr.trim() || LIBESPEAK_MISSING}`));
      }
    });
    const request: SpeechRequest = { texts: [...texts], voice, library };
    child.send(request);
  });
}
