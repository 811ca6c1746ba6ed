// A pool of worker threads (npm `piscina`) that make MP3s, one per CPU, started on first use
// and kept until the process ends.
// The same worker code gives the same bytes as the main thread, so the pool changes only speed.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { MakeMp3Options, Mp3Result, SpokenSegment } from './make-mp3.js';
import type { Mp3Task } from './mp3-worker.js';

// From dist the worker is the compiled JS; from src (vitest, tsx) it is TypeScript, loaded
// through a small entry that registers tsx (a dev dependency, like vitest) in the worker.
const fromSource = import.meta.url.endsWith('.ts');
const workerFile = new URL(fromSource ? './mp3-worker-from-source.mjs' : './mp3-worker.js', import.meta.url);

let pool: Piscina<Mp3Task, Mp3Result> | undefined;

export function makeMp3InWorker(segments: SpokenSegment[], options: MakeMp3Options) {
  pool ??= new Piscina({
    filename: workerFile.href,
    maxThreads: availableParallelism(),
    // Kept for the whole build: a worker torn down when idle (piscina's default) makes its
    // eSpeak NG instance (24 MB of voice data) again. Idle workers do not keep the process alive.
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  return pool.run({ segments, options });
}
