// `pelita build` lets a heap grow to at most twice its live data before a full collection
// (src/cli/heap-tuning.ts): a program that keeps ≈ 45 MB live while much of what it makes
// lives long enough to be promoted, then dies, peaks near 170 MB of heap untuned, under
// 130 MB tuned. A user's own flag is kept.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { wantsTunedHeap } from '../src/cli/heap-tuning.js';

const tuning = new URL('../src/cli/heap-tuning.ts', import.meta.url).href;
const churn = (tuned: boolean) => `
  if (${tuned}) (await import(${JSON.stringify(tuning)})).tuneHeap([], '');
  const kept = Array.from({ length: 300_000 }, (_, i) => ({ i, s: 'kept ' + i }));
  let peak = 0;
  const ring = new Array(64).fill(null);
  for (let round = 0; round < 3000; round++) {
    ring[round % 64] = Array.from({ length: 2000 }, (_, i) => ({ i, s: 'g' + round + ':' + i }));
    if (round % 20 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  console.log(Math.round(peak / 2 ** 20), kept.length);`;

const peakMiB = (tuned: boolean) => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', churn(tuned)], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return Number(run.stdout.split(' ')[0]);
};

describe('heap tuning', () => {
  it('is wanted unless the flag was given', () => {
    expect(wantsTunedHeap([], '')).toBe(true);
    expect(wantsTunedHeap(['--heap-growing-percent=50'], '')).toBe(false);
    expect(wantsTunedHeap([], '--max-old-space-size=4096 --heap_growing_percent=30')).toBe(false);
  });

  it('keeps the heap within twice its live data', () => {
    const tuned = peakMiB(true);
    expect(tuned).toBeGreaterThan(40); // the live data itself
    expect(tuned).toBeLessThan(130);
  });
});
