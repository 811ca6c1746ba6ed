// A build fixes glibc's malloc mmap threshold for its process (issue #16). glibc raises the
// threshold each time a large block is freed (up to 32 MiB); after that, the pixel, sound and
// PDF buffers the worker threads make and drop by the thousand are cut from the heap, whose
// freed pages are kept: RSS grows through a long build while the live memory does not
// (docs/benchmarks.md, "Worker memory"). With the threshold fixed, a large buffer gets its own
// mapping and goes back to the system when freed. mallopt() sets it for every thread from now
// on, as MALLOC_MMAP_THRESHOLD_ would at start; called through koffi, which the native speech
// engine loads anyway. A user who sets the variable or the glibc tunable keeps theirs.
import { createRequire } from 'node:module';

/** glibc's own starting threshold (128 KiB), kept fixed. */
export const MMAP_THRESHOLD = 128 * 1024;

/** mallopt's parameter number for the threshold (glibc's malloc.h). */
const M_MMAP_THRESHOLD = -3;

/** True when this process is on glibc and nobody set the threshold yet. */
export function wantsTunedMalloc(env: NodeJS.ProcessEnv): boolean {
  if (process.platform !== 'linux' || env.MALLOC_MMAP_THRESHOLD_ !== undefined) return false;
  if (env.GLIBC_TUNABLES?.includes('glibc.malloc.mmap_threshold')) return false;
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  return report?.header?.glibcVersionRuntime !== undefined;
}

/** Fixes the threshold when wanted; true when glibc took it. Only a speed-up: false on any failure. */
export function tuneMalloc(env: NodeJS.ProcessEnv = process.env): boolean {
  if (!wantsTunedMalloc(env)) return false;
  try {
    const koffi = createRequire(import.meta.url)('koffi') as typeof import('koffi');
    const mallopt = koffi.load('libc.so.6').func('int mallopt(int, int)') as (param: number, value: number) => number;
    return mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) === 1;
  } catch {
    return false; // no koffi binary for this machine: the build runs untuned
  }
}
