// `pelita build` on glibc starts itself again with a fixed malloc mmap threshold (issue #16).
// glibc raises the threshold each time a large block is freed (up to 32 MiB); after that,
// the pixel, sound and PDF buffers the worker threads make and drop by the thousand are cut
// from the heap, whose freed pages are kept: RSS grows through a long build while the live
// memory does not (docs/benchmarks.md, "Worker memory"). With the threshold fixed, a large
// buffer gets its own mapping and goes back to the system when freed. glibc reads the setting
// only when a process starts, hence the second process; set MALLOC_MMAP_THRESHOLD_ yourself
// (any value) and Pelita runs as it is.
import { spawn } from 'node:child_process';
import { isatty } from 'node:tty';

/** glibc's own starting threshold (128 KiB), kept fixed. */
export const MMAP_THRESHOLD = '131072';

/** True when this process should run the command in a tuned child instead. */
export function wantsTunedMalloc(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  if (process.platform !== 'linux' || env.MALLOC_MMAP_THRESHOLD_ !== undefined) return false;
  if (env.GLIBC_TUNABLES?.includes('glibc.malloc.mmap_threshold')) return false;
  // Only a build renders in workers for long; `--help` and the other commands start at once.
  if (argv.find((arg) => !arg.startsWith('-')) !== 'build' || argv.includes('--help') || argv.includes('-h'))
    return false;
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  return report?.header?.glibcVersionRuntime !== undefined;
}

/**
 * Runs this same command in a child with the threshold set; its exit code, or undefined when
 * no child could be started (then the command runs here, untuned). The child is
 * in the same process group, so Ctrl-C and Ctrl-Z in a terminal reach it directly; a signal
 * sent to this process alone (a supervisor's SIGTERM, a script's SIGINT) is passed on.
 */
export function runTuned(): Promise<number | undefined> {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, MALLOC_MMAP_THRESHOLD_: MMAP_THRESHOLD },
  });
  // From a terminal the child has the SIGINT already; passing it on would be a second one,
  // which stops the build at once instead of after the procedure in hand.
  const forward = (signal: NodeJS.Signals) => () => {
    if (signal !== 'SIGINT' || !isatty(0)) child.kill(signal);
  };
  const handlers = { SIGINT: forward('SIGINT'), SIGTERM: forward('SIGTERM') };
  for (const [signal, handler] of Object.entries(handlers)) process.on(signal, handler);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      for (const [name, handler] of Object.entries(handlers)) process.off(name, handler);
      if (signal) process.kill(process.pid, signal);
      else resolve(code ?? 1);
    });
    child.on('error', () => {
      for (const [name, handler] of Object.entries(handlers)) process.off(name, handler);
      resolve(undefined);
    });
  });
}
