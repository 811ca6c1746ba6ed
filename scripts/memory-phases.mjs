// Where a build's memory goes (issue #16): one build through the compiled pipeline, with the
// live heap (after a forced GC) and the resident set told at the end of each stage the
// build reports (BuildObserver.phase), and the peak RSS sampled every 100 ms.
//   node --expose-gc scripts/memory-phases.mjs CONTENT OUT [html,pdf] [OTHER/dist/pipeline/build.js]
// Run by scripts/bench-scale.ts `--phases`. Forcing a GC at each stage costs time and keeps
// the peak lower than a normal build's: compare the live heap, not this run's wall time.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [content, out, editions, pipeline] = process.argv.slice(2);
if (!content || !out) throw new Error('usage: memory-phases.mjs CONTENT OUT [editions] [build.js]');
const gc = globalThis.gc;
if (!gc) throw new Error('run with node --expose-gc');
const mib = (bytes) => (bytes / 2 ** 20).toFixed(0);
let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 100);
const { runBuild } = await import(
  pathToFileURL(resolve(pipeline ?? new URL('../dist/pipeline/build.js', import.meta.url).pathname)).href
);
const started = performance.now();
const tell = (name) => {
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  peak = Math.max(peak, rss);
  console.log(
    `| ${name} | ${((performance.now() - started) / 1000).toFixed(1)} s | ${mib(heapUsed)} MiB | ${mib(rss)} MiB |`,
  );
};
console.log('| stage | at | live heap | RSS |\n|---|---|---|---|');
tell('start');
const result = await runBuild({
  contentDir: resolve(content),
  outDir: resolve(out),
  ...(editions ? { editions: editions.split(',') } : {}),
  observer: { phase: tell },
});
tell('done');
clearInterval(sampler);
console.log(`${result.documents} documents, ${result.built} built · peak RSS ${mib(peak)} MiB`);
