// Debian's eSpeak NG (`apt-get install espeak-ng`) through its library, libespeak-ng. The
// library cannot be reset (libespeak.ts) and is not thread-safe, so each MP3 is made in a
// process of its own (mp3-process.ts), which speaks every sentence, measures and sets the
// loudness, encodes and tags, sends the MP3 back and ends. A fresh process per MP3 starts
// the library fresh, so the same script always gives the same MP3 whatever was spoken before
// and wherever; the processes of two MP3s run side by side on two cores. The samples (≈ 15 MB
// for a long procedure, in several forms while they are measured) stay in that process and
// go back to the system when it ends: the build process holds only the MP3.
import { fork } from 'node:child_process';
import { mp3Options } from '../encode/mp3.js';
import type { MakeMp3Options, Mp3Reply, Mp3Request, Mp3Result, SpokenSegment } from '../mp3-types.js';
import type { Pcm, SpeechEngine } from './engine.js';
import { LIBESPEAK_MISSING, LIBESPEAK_NG, speakWithLibrary } from './libespeak.js';

// From dist the process is compiled JS; from src (vitest, tsx) it is TypeScript, loaded through tsx.
const fromSource = import.meta.url.endsWith('.ts');
const processFile = new URL(fromSource ? '../mp3-process.ts' : '../mp3-process.js', import.meta.url);

/** The library in this process: only for a process that makes one MP3 (mp3-process.ts). */
export function libraryEngine(library = LIBESPEAK_NG): SpeechEngine {
  const speakAll = (texts: readonly string[], voice: { voice: string; rate: number }): Pcm[] => {
    const { sampleRate, parts } = speakWithLibrary(texts, voice, library);
    return parts.map((samples) => ({ sampleRate, samples }));
  };
  return {
    id: 'native',
    synthesise: async (text, voice) => speakAll([text], voice)[0] as Pcm,
    synthesiseAll: async (texts, voice) => speakAll(texts, voice),
  };
}

/** The MP3 of a script, made by a new process. `library`: another library to load (tests). */
export function makeMp3InProcess(
  segments: readonly SpokenSegment[],
  options: MakeMp3Options,
  library = LIBESPEAK_NG,
): Promise<Mp3Result> {
  return new Promise((resolve, reject) => {
    const child = fork(processFile, {
      // Not the build's own flags (a heap size, an inspector); the source needs tsx's loader
      // (resolved here: the build's working folder may be anywhere).
      execArgv: fromSource ? ['--import', import.meta.resolve('tsx')] : [],
      serialization: 'advanced', // the MP3's bytes pass as they are
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    let reply: Mp3Reply | undefined;
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('message', (message: Mp3Reply) => {
      reply = message;
    });
    child.once('error', (error) => reject(new Error(`the native speech engine could not start: ${error.message}`)));
    child.once('exit', (code, signal) => {
      if (reply && 'mp3' in reply) resolve(reply);
      else if (reply) reject(new Error(reply.error));
      else {
        const how = signal ? `was stopped (${signal})` : `ended (exit ${code})`;
        reject(new Error(`the native speech engine ${how} before it spoke: ${stderr.trim() || LIBESPEAK_MISSING}`));
      }
    });
    // The encoder as this process found it: the cache key names it, and the MP3 process need not look again.
    const encoder = mp3Options(options.encoder).encoder;
    const request: Mp3Request = { segments: [...segments], options: { ...options, encoder }, library };
    child.send(request);
  });
}
