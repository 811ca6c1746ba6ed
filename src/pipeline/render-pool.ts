// A pool of worker threads (piscina), one per CPU, for the renderers whose work is CPU-heavy
// and reads nothing of the other procedures: Braille, the picture sheet and the PDFs. The
// main thread meanwhile checks the cache, runs the other renderers and writes; with the
// bounded window of procedures in flight, every core has work. Workers live as long as
// the process, so fonts, tables and WebAssembly modules load once per worker.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Artifact, ProcedureRun } from '../render/types.js';
import type { EditionResult } from '../verify/verify.js';
import type { RenderTask, RenderTaskResult, VerifyTask } from './render-worker.js';

/**
 * Renderers that may run in the pool (pure, CPU-heavy, context.procedures and context.editions
 * unused, and bytes independent of what the worker rendered before: test/pdf-history.test.ts).
 */
export const POOLED_RENDERERS: ReadonlySet<string> = new Set(['braille', 'pictogram', 'pdf']);

const fromSource = import.meta.url.endsWith('.ts');
const workerFile = new URL(fromSource ? './render-worker-from-source.mjs' : './render-worker.js', import.meta.url);

let pool: Piscina | undefined;

/** How many workers render: `PELITA_WORKERS` (0: none, all on the main thread), else one per CPU. */
export function workerCount(): number {
  const chosen = Number.parseInt(process.env.PELITA_WORKERS ?? '', 10);
  return Number.isFinite(chosen) && chosen >= 0 ? chosen : availableParallelism();
}

function thePool(): Piscina {
  pool ??= new Piscina({
    filename: workerFile.href,
    maxThreads: workerCount(),
    minThreads: 0,
    idleTimeout: 60_000, // kept for the whole build: a worker's modules and fonts load once
  });
  return pool;
}

export async function renderInWorker(task: RenderTask, warn: ProcedureRun['warn']): Promise<Artifact[]> {
  const result = (await thePool().run(task)) as RenderTaskResult;
  for (const warning of result.warnings) warn(...warning);
  return result.artifacts;
}

/** Verify's reading back of one procedure's files, in the pool (same results as on the main thread). */
export async function verifyInWorker(task: VerifyTask): Promise<EditionResult[]> {
  return (await thePool().run(task, { name: 'verifyTask' })) as EditionResult[];
}
