// A build lets each JavaScript heap grow at most to 1.5 times its live data before a full
// collection (issue #16). V8 picks that factor itself, up to 4×, by how fast it collects:
// in a long build most of what a procedure leaves (its syntax trees, pages and records)
// lives long enough to reach the old generation, so the heap held up to four times the live
// data (an HTML build of 3,125 documents: 58 MiB live, 218 MiB used, 628 MiB resident).
// At 2× (V8's --heap-growing-percent=100) that build was 443–469 MiB resident in the same
// wall time; at 1.5× (50) 379–387 MiB for ≈ 4 % more CPU, and 10,000 procedures stay under
// 1 GB (890 MiB against 1,057–1,067 MiB at 2×, the same wall time: docs/benchmarks.md),
// now that the main thread has no idle time in which V8 would shrink the heap itself.
// V8's flags are the process's, so the render workers' heaps follow it too. A user who
// gives node the flag keeps theirs.
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

/** True unless the flag was given to this process already. */
export function wantsTunedHeap(execArgv: readonly string[], nodeOptions = ''): boolean {
  return ![...execArgv, nodeOptions].some((arg) => /heap[-_]growing[-_]percent/.test(arg));
}

/** Sets the factor when wanted (before the heap has grown: at the start of a build); true when set. */
export function tuneHeap(execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS): boolean {
  if (!wantsTunedHeap(execArgv, nodeOptions)) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
