// A piscina pool that is replaced by a fresh one after a number of tasks (issue #16). A
// worker's memory grows over a long build and is only given back when its thread ends:
// the heap V8 keeps for it, WebAssembly memories (they never shrink), native buffers of
// sharp, resvg and the audio engines. Before the new pool takes its first task, the old
// one finishes what it was given and its workers end, so no more than `maxThreads`
// workers are ever alive. Which worker ran a task never changes its bytes
// (test/pdf-history.test.ts, test/audio-worker.test.ts), so recycling changes only memory.
import { Piscina } from 'piscina';

type PoolOptions = NonNullable<ConstructorParameters<typeof Piscina>[0]>;
type RunOptions = Parameters<Piscina['run']>[1];

export class RecyclingPool<Task, Result> {
  readonly #options: PoolOptions;
  readonly #tasksPerPool: number;
  #pool: Piscina | undefined;
  #given = 0;
  /** Tasks given to the current pool and not yet settled. */
  #pending = new Set<Promise<unknown>>();
  /** Settles when the previous pool's workers have ended. */
  #ready: Promise<unknown> = Promise.resolve();
  /** How many pools were made (1 for the first). */
  generation = 0;

  constructor(options: PoolOptions, tasksPerPool: number) {
    // No worker starts before a task: the new pool waits for the old one's workers to end.
    this.#options = { ...options, minThreads: 0 };
    this.#tasksPerPool = tasksPerPool;
  }

  run(task: Task, options?: RunOptions): Promise<Result> {
    if (!this.#pool || this.#given >= this.#tasksPerPool) this.#replace();
    this.#given++;
    const pool = this.#pool as Piscina;
    const result = this.#ready.then(() => pool.run(task, options) as Promise<Result>);
    this.#pending.add(result);
    const settled = () => this.#pending.delete(result);
    result.then(settled, settled);
    return result;
  }

  #replace(): void {
    const old = this.#pool;
    const draining = [...this.#pending];
    this.#pending = new Set();
    this.#pool = new Piscina(this.#options);
    this.#given = 0;
    this.generation++;
    if (old) this.#ready = Promise.allSettled(draining).then(() => old.destroy());
  }
}
