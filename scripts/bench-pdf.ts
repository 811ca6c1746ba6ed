// PDF benchmark: Pelita's leaflet (and large-print) time per procedure, against printing
// the same procedure's HTML page to PDF in headless Chromium (what a web team would
// otherwise do), over the sample content, in one run on one machine.
//   npm run build && npx tsx scripts/bench-pdf.ts [rounds=5]
// Results are recorded by hand in docs/benchmarks.md (machine and date included).
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderPdf } from '../src/render/pdf/pdf-document.js';
import { loadPdfResources } from '../src/render/pdf/resources.js';
import { launchChromium } from '../test/support/browser.js';
import { check, renderContext } from '../test/support/fixtures.js';

const rounds = Number(process.argv[2] ?? 5);
const root = join(import.meta.dirname, '..');
const documents: Record<string, string> = {};
for (const lang of ['id', 'jv']) {
  for (const file of readdirSync(join(root, 'content', lang)).sort()) {
    documents[`${lang}/${file}`] = readFileSync(join(root, 'content', lang, file), 'utf8');
  }
}
const checked = await check(documents);
const context = await renderContext(checked);
const procedures = checked.flatMap((doc) => (doc.procedure ? [doc.procedure] : []));
const { theme, fonts } = await loadPdfResources();

async function pelitaRound(editionIndex: number): Promise<number> {
  const edition = theme.editions[editionIndex];
  if (!edition) throw new Error('no such edition');
  const started = performance.now();
  for (const procedure of procedures) {
    const words = context.words.get(procedure.lang);
    if (!words) throw new Error(`no words for ${procedure.lang}`);
    await renderPdf({
      outline: context.outline(procedure),
      site: context.site,
      words,
      theme,
      edition,
      fonts,
      warn: () => {},
    });
  }
  return (performance.now() - started) / procedures.length;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

console.log(
  `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
);
console.log(`${procedures.length} procedures, ${rounds} rounds (after one warm-up round)`);
await pelitaRound(0);
const leaflet = median(await sequence(rounds, () => pelitaRound(0)));
const largePrint = median(await sequence(rounds, () => pelitaRound(1)));
console.log(`Pelita leaflet.pdf:     ${leaflet.toFixed(1)} ms per procedure (median round)`);
console.log(`Pelita large-print.pdf: ${largePrint.toFixed(1)} ms per procedure (median round)`);

// Chromium: the built HTML pages from output/ (run `npm run build` first), A4, backgrounds on.
const browser = await launchChromium();
const page = await browser.newPage();
async function chromiumRound(): Promise<number> {
  const started = performance.now();
  for (const procedure of procedures) {
    await page.goto(pathToFileURL(join(root, 'output', procedure.lang, procedure.slug, 'index.html')).href);
    await page.pdf({ format: 'A4', printBackground: true, tagged: true, outline: true });
  }
  return (performance.now() - started) / procedures.length;
}
await chromiumRound();
const chromium = median(await sequence(rounds, chromiumRound));
await browser.close();
console.log(`Chromium page.pdf():    ${chromium.toFixed(1)} ms per procedure (median round, browser already running)`);
console.log(`leaflet speed-up: ${(chromium / leaflet).toFixed(1)}×`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);

async function sequence(count: number, run: () => Promise<number>): Promise<number[]> {
  const results: number[] = [];
  for (let index = 0; index < count; index++) results.push(await run());
  return results;
}
