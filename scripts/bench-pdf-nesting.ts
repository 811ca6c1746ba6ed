// PDF layout on deeply nested lists: both editions of one procedure whose requirement
// holds lists inside lists `depth` levels deep (two items per level, a paragraph each).
// Layout must grow linearly with the document, not with the nesting.
//   npx tsx scripts/bench-pdf-nesting.ts [depths=8,12,20]
// Results are recorded by hand in docs/benchmarks.md (machine, date and load included).
import { cpus, loadavg, totalmem } from 'node:os';
import { pdfRenderer } from '../src/render/pdf/pdf-renderer.js';
import { check, renderContext, renderWith } from '../test/support/fixtures.js';
import { nestedProcedure } from '../test/support/nesting.js';

const depths = (process.argv[2] ?? '8,12,20').split(',').map(Number);
console.log(
  `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load ${loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')}`,
);
for (const depth of depths) {
  const checked = await check({ 'id/bersarang.md': nestedProcedure(depth) });
  const procedure = checked[0]?.procedure;
  if (!procedure) throw new Error(`depth ${depth} did not validate: ${checked[0]?.file.messages.join('; ')}`);
  const context = await renderContext(checked);
  await renderWith(pdfRenderer, procedure, context); // warm-up: fonts and shaping caches
  const started = performance.now();
  await renderWith(pdfRenderer, procedure, context);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `depth ${depth}: ${seconds.toFixed(2)} s for both editions, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
  );
}
