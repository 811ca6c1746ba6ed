// Preloaded into the pelita processes by test/malloc-tuning.test.ts: each main thread says,
// on stderr as it ends, what MALLOC_MMAP_THRESHOLD_ it was started with.
if (require('node:worker_threads').isMainThread) {
  process.on('exit', () => process.stderr.write(`\nmmap-threshold=${process.env.MALLOC_MMAP_THRESHOLD_}\n`));
}
