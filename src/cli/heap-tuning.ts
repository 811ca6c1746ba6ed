// A build lets each JavaScript heap grow at most to twice its live data before a full
// collection (issue #16). V8 picks that factor itself, up to 4×, by how fast it collects:
// in a long build most of what a procedure leaves (its syntax trees, pages and records)
// lives long enough to reach the old generation, so the heap held up to four times the live
// data (an HTML build of 3,125 documents: 58 MiB live, 218 MiB used, 628 MiB resident).
// Fixed at 2× (V8's --heap-growing-percent=100): 443–469 MiB resident for the same build, in
// the same wall time (docs/benchmarks.md). V8's flags are the process's, so the render
// workers' heaps follow it too. A user who sets the flag (NODE_OPTIONS, node's own
// arguments) keeps theirs.
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 100;

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
