// Braille translation benchmark: embedded liblouis 3.2 (emscripten) against Debian's
// native liblouis 3.24 (lou_translate), on the same text.
//   npx tsx scripts/bench-braille.ts [megabytes=1]
// 1. Per procedure: the print blocks of each sample procedure, translated as the
//    renderer does (embedded: one call per block; native: one process per procedure).
// 2. Corpus: the sample blocks repeated to N MB of text, translated in bulk
//    (embedded: the whole corpus in one call; native: one lou_translate process, one
//    line per block).
// Results are recorded by hand in docs/benchmarks.md (machine and date included).
import { cpus, totalmem } from 'node:os';
import { loadEngine } from '../src/render/braille/engine.js';
import { knownCharacters } from '../src/render/braille/tables.js';
import { characterRules, replaceUnknown } from '../src/render/braille/unknown-characters.js';
import { corpusDocuments } from '../test/support/braille.js';

const TABLE = 'id-id-g1.utb';
const megabytes = Number(process.argv[2] ?? 1);
const known = knownCharacters(TABLE);
const documents = (await corpusDocuments({ fixtures: false })).map((blocks) =>
  blocks.map((text) => replaceUnknown(text, known, characterRules('id')).text),
);

async function median(runs: number, task: () => Promise<unknown>): Promise<number> {
  await task(); // warm-up: module loading, table compilation, JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
}

console.log(
  `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
);
const engines = [await loadEngine('embedded')];
try {
  engines.push(await loadEngine('native'));
} catch (error) {
  console.log(`native engine skipped: ${(error as Error).message}`);
}

const chars = documents.flat().reduce((sum, text) => sum + text.length, 0);
for (const engine of engines) {
  const ms = await median(5, async () => {
    for (const blocks of documents) await engine.translate(blocks, TABLE);
  });
  console.log(
    `${engine.name} ${engine.version}: ${documents.length} procedures (${chars} characters) in ${ms.toFixed(0)} ms, ${(ms / documents.length).toFixed(1)} ms per procedure`,
  );
}

// The corpus: sample blocks repeated until it holds N MB of text.
const corpus: string[] = [];
let size = 0;
while (size < megabytes * 1_000_000) {
  for (const text of documents.flat()) {
    corpus.push(text);
    size += Buffer.byteLength(text) + 1;
  }
}
const results: Record<string, number> = {};
for (const engine of engines) {
  const ms = await median(3, () => engine.translate(engine.name === 'embedded' ? [corpus.join(' ')] : corpus, TABLE));
  results[engine.name] = ms;
  console.log(`${engine.name}: ${(size / 1e6).toFixed(2)} MB corpus in ${ms.toFixed(0)} ms`);
}
if (results.native) console.log(`embedded / native: ${((results.embedded ?? 0) / results.native).toFixed(2)}×`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
