// Where the build's MP3s are made, one per CPU at once. With the native speech engine each
// MP3 is made whole in a process of its own (make-mp3.ts), so this thread only starts them
// and waits; with the embedded one (WebAssembly) a pool of worker threads (npm `piscina`)
// makes them, started on first use and kept until the process ends, so each worker makes
// its eSpeak NG instance once. Either way the bytes are those makeMp3 gives on this thread.
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import type { Piscina } from 'piscina';
import { makeMp3 } from './make-mp3.js';
import type { MakeMp3Options, Mp3Result, SpokenSegment } from './mp3-types.js';
import type { Mp3Task } from './mp3-worker.js';
import { chosenSpeechEngine } from './speech/engine.js';

// From dist the worker is the compiled JS; from src (vitest, tsx) it is TypeScript, loaded
// through a small entry that registers tsx (a dev dependency, like vitest) in the worker.
const fromSource = import.meta.url.endsWith('.ts');
const workerFile = new URL(fromSource ? './mp3-worker-from-source.mjs' : './mp3-worker.js', import.meta.url);

let pool: Promise<Piscina<Mp3Task, Mp3Result>> | undefined;
const processes = pLimit(availableParallelism());

export async function makeMp3InPool(segments: SpokenSegment[], options: MakeMp3Options): Promise<Mp3Result> {
  if (chosenSpeechEngine(options.engine).id === 'native') return processes(() => makeMp3(segments, options));
  pool ??= import('piscina').then(
    ({ Piscina }) =>
      new Piscina({
        filename: workerFile.href,
        maxThreads: availableParallelism(),
        // Kept for the whole build: a worker torn down when idle (piscina's default) makes its
        // eSpeak NG instance (24 MB of voice data) again. Idle workers do not keep the process alive.
        idleTimeout: Number.POSITIVE_INFINITY,
      }),
  );
  return (await pool).run({ segments, options });
}
