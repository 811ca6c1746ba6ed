// Build-time benchmark of the HTML edition and catalog (`--editions html`; the site files are
// always made): the sample content, then a corpus made of N copies of it.
//   npx tsx scripts/bench-build.ts [copies=40]
// Results are recorded by hand in docs/benchmarks.md (machine and date included).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { runBuild } from '../src/pipeline/build.js';

const copies = Number(process.argv[2] ?? 40);
const sample = join(import.meta.dirname, '..', 'content');

async function timeBuild(contentDir: string): Promise<{ seconds: number; documents: number }> {
  const out = mkdtempSync(join(tmpdir(), 'pelita-bench-out-'));
  const started = performance.now();
  const result = await runBuild({ contentDir, outDir: out, editions: ['html'] });
  const seconds = (performance.now() - started) / 1000;
  rmSync(out, { recursive: true });
  if (result.failed > 0) throw new Error('benchmark content has errors');
  return { seconds, documents: result.documents };
}

/** N copies of every sample document, under new slugs (translations keep their originals). */
function makeCorpus(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'pelita-bench-content-'));
  cpSync(join(sample, 'site.yaml'), join(dir, 'site.yaml'));
  for (const lang of readdirSync(sample, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    mkdirSync(join(dir, lang.name));
    for (const file of readdirSync(join(sample, lang.name))) {
      const text = readFileSync(join(sample, lang.name, file));
      for (let i = 1; i <= n; i++) writeFileSync(join(dir, lang.name, file.replace(/\.md$/, `-${i}.md`)), text);
    }
  }
  return dir;
}

console.log(
  `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
);
await timeBuild(sample); // warm-up: module loading and JIT
const runs = [];
for (let i = 0; i < 5; i++) runs.push((await timeBuild(sample)).seconds);
runs.sort((a, b) => a - b);
console.log(`sample content: median ${runs[2]?.toFixed(3)} s over 5 runs (min ${runs[0]?.toFixed(3)} s)`);

const corpus = makeCorpus(copies);
const { seconds, documents } = await timeBuild(corpus);
rmSync(corpus, { recursive: true });
console.log(
  `corpus: ${documents} documents in ${seconds.toFixed(2)} s (${((seconds / documents) * 1000).toFixed(1)} ms/document)`,
);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
