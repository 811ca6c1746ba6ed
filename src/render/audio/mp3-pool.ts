// A pool of worker threads (npm `piscina`) that make MP3s, one per CPU, started on first use
// and kept until the process ends.
// The same worker code gives the same bytes as the main thread, so the pool changes only speed.
import { availableParallelism } from 'node:os';
import { RecyclingPool } from '../../pipeline/recycling-pool.js';
import type { MakeMp3Options, Mp3Result, SpokenSegment } from './make-mp3.js';
import type { Mp3Task } from './mp3-worker.js';

// From dist the worker is the compiled JS; from src (vitest, tsx) it is TypeScript, loaded
// through a small entry that registers tsx (a dev dependency, like vitest) in the worker.
const fromSource = import.meta.url.endsWith('.ts');
const workerFile = new URL(fromSource ? './mp3-worker-from-source.mjs' : './mp3-worker.js', import.meta.url);

let pool: RecyclingPool<Mp3Task, Mp3Result> | undefined;

/** MP3s a pool makes before fresh workers take over (memory, see pipeline/recycling-pool.ts). */
export const MP3_TASKS_PER_POOL = Number(process.env.PELITA_MP3_TASKS ?? 100);

export function makeMp3InWorker(segments: SpokenSegment[], options: MakeMp3Options) {
  pool ??= new RecyclingPool<Mp3Task, Mp3Result>(
    {
      filename: workerFile.href,
      maxThreads: availableParallelism(),
      // Kept for the whole build: a worker torn down when idle (piscina's default) makes its
      // eSpeak NG instance (24 MB of voice data) again. Idle workers do not keep the process alive.
      idleTimeout: Number.POSITIVE_INFINITY,
    },
    MP3_TASKS_PER_POOL,
  );
  return pool.run({ segments, options });
}
