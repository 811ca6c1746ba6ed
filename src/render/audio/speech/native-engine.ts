// Debian's eSpeak NG (`apt-get install espeak-ng`) through its library, libespeak-ng. The
// library cannot be reset (libespeak.ts) and is not thread-safe, so MP3s are made in
// processes of their own (mp3-process.ts), which speak every sentence, measure and set the
// loudness, encode and tag, and send the MP3 back. Each MP3 is spoken by an instance of the
// library that has spoken nothing (a process's first, then fresh copies), so the same script
// always gives the same MP3 whatever was spoken before and wherever; a process makes up to
// MP3S_PER_PROCESS of them (Node's start and V8's warming up of the loudness code, ≈ 0.2 s of
// CPU, paid once, not per MP3), and the processes of two MP3s run side by side on two cores.
// The samples (≈ 15 MB for a long procedure, in several forms while they are measured) stay
// in that process: the build process holds only the MP3.
import { type ChildProcess, fork } from 'node:child_process';
import { keepAlive } from '../../keep-alive.js';
import { mp3Options } from '../encode/mp3.js';
import type { MakeMp3Options, Mp3Reply, Mp3Request, Mp3Result, SpokenSegment } from '../mp3-types.js';
import type { Pcm, SpeechEngine } from './engine.js';
import { LIBESPEAK_MISSING, LIBESPEAK_NG, speakWithLibrary } from './libespeak.js';

// From dist the process is compiled JS; from src (vitest, tsx) it is TypeScript, loaded through tsx.
const fromSource = import.meta.url.endsWith('.ts');
const processFile = new URL(fromSource ? '../mp3-process.ts' : '../mp3-process.js', import.meta.url);

/** The library instance `library` in this process: only for an MP3 process (mp3-process.ts). */
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

/**
 * MP3s per process: enough that starting one is paid rarely, few enough that the instances it
 * keeps (≈ 3 MB and a thread each) stay small.
 */
export const MP3S_PER_PROCESS = 16;

interface Mp3Process {
  child: ChildProcess;
  made: number;
  stderr: string;
}

/** Processes ready for another script, by the library they load. */
const ready = new Map<string, Mp3Process[]>();

/**
 * The MP3 of a script, made by an MP3 process (a new one, or one ready for another script).
 * `library`: another library to load (tests); `reuse: false`: a new process, made for this one.
 */
export function makeMp3InProcess(
  segments: readonly SpokenSegment[],
  options: MakeMp3Options,
  library = LIBESPEAK_NG,
  { reuse = true } = {},
): Promise<Mp3Result> {
  const waiting = reuse ? ready.get(library) : undefined;
  const worker = waiting?.pop() ?? startProcess();
  worker.made++;
  worker.stderr = '';
  /** Whether this process is to make another MP3 after this one. */
  const another = reuse && worker.made < MP3S_PER_PROCESS;
  // Waited for: this process keeps the build alive until it answers.
  keepAlive(worker.child, true);
  return new Promise((resolve, reject) => {
    const { child } = worker;
    const done = () => {
      child.off('message', answered);
      child.off('exit', exited);
      child.off('error', failed);
    };
    const failed = (error: Error) => {
      done();
      reject(new Error(`the native speech engine could not start: ${error.message}`));
    };
    const exited = (code: number | null, signal: NodeJS.Signals | null) => {
      done();
      const how = signal ? `was stopped (${signal})` : `ended (exit ${code})`;
      reject(
        new Error(`the native speech engine ${how} before it spoke: ${worker.stderr.trim() || LIBESPEAK_MISSING}`),
      );
    };
    const answered = (reply: Mp3Reply) => {
      done();
      const { another: isReady, ...result } = reply;
      if (another && isReady) {
        // Ready for another script; it does not keep the build alive meanwhile.
        keepAlive(child, false);
        ready.set(library, [...(ready.get(library) ?? []), worker]);
      } else child.disconnect();
      if ('mp3' in result) resolve(result);
      else reject(new Error(result.error));
    };
    child.once('message', answered);
    child.once('exit', exited);
    child.once('error', failed);
    // The encoder as this process found it: the cache key names it, and the MP3 process need not look again.
    const encoder = mp3Options(options.encoder).encoder;
    const request: Mp3Request = {
      segments: [...segments],
      options: { ...options, encoder },
      library,
      another,
    };
    child.send(request);
  });
}

/**
 * Lets the processes waiting for another script go, and waits until they have ended: a build
 * that ends leaves none behind (and its CPU time, as `time` counts it, includes theirs).
 */
export async function releaseMp3Processes(): Promise<void> {
  const waiting = [...ready.values()].flat();
  ready.clear();
  await Promise.all(
    waiting.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          keepAlive(child, true);
          child.disconnect();
        }),
    ),
  );
}

function startProcess(): Mp3Process {
  const child = fork(processFile, {
    // Not the build's own flags (a heap size, an inspector); the source needs tsx's loader
    // (resolved here: the build's working folder may be anywhere).
    execArgv: fromSource ? ['--import', import.meta.resolve('tsx')] : [],
    serialization: 'advanced', // the MP3's bytes pass as they are
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const worker: Mp3Process = { child, made: 0, stderr: '' };
  child.stderr?.on('data', (chunk: Buffer) => {
    worker.stderr += chunk.toString();
  });
  child.on('error', () => undefined); // told to the script waiting, if any
  // A process that ends while it waits is not asked again.
  child.on('exit', () => {
    for (const [library, workers] of ready)
      ready.set(
        library,
        workers.filter((other) => other !== worker),
      );
  });
  return worker;
}
