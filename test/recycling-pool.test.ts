// The recycling pool hands its tasks to fresh workers every so many tasks, and never has the
// old and the new workers alive at once (issue #16: memory a worker gathers is given back).
import { describe, expect, it } from 'vitest';
import { RecyclingPool } from '../src/pipeline/recycling-pool.js';

const worker = new URL('./support/thread-worker.mjs', import.meta.url).href;

describe('recycling pool', () => {
  it('moves to fresh workers after its number of tasks', async () => {
    const pool = new RecyclingPool<{ wait?: number }, number>({ filename: worker, maxThreads: 1 }, 3);
    const threads: number[] = [];
    for (let i = 0; i < 7; i++) threads.push(await pool.run({}));
    const [a, b, c] = [threads[0], threads[3], threads[6]];
    expect(threads).toEqual([a, a, a, b, b, b, c]);
    expect(new Set([a, b, c]).size).toBe(3);
    expect(pool.generation).toBe(3);
  });

  it('lets the old workers finish their tasks before a new one starts', async () => {
    const pool = new RecyclingPool<{ wait?: number; fail?: boolean }, number>({ filename: worker, maxThreads: 2 }, 2);
    // The first two are slow and one fails; the third goes to a new pool, which must wait.
    const first = pool.run({ wait: 300 });
    const failing = pool.run({ wait: 300, fail: true });
    const third = pool.run({});
    const order: string[] = [];
    await Promise.all([
      first.then(() => order.push('first')),
      failing.catch(() => order.push('failing')),
      third.then(() => order.push('third')),
    ]);
    expect(order.at(-1)).toBe('third');
    await expect(failing).rejects.toThrow('failed on purpose');
    expect([await first, await third].every(Number.isInteger)).toBe(true);
    expect(await third).not.toBe(await first);
  });
});
