// Picture-language sheet benchmark: CPU per sheet for what a build makes (SVG, PNG at
// 150 dpi, PDF), and wall time per page for each file and for the PNG at 300 dpi, on every
// sample procedure, after a warm-up round.
//   npx tsx scripts/bench-pictogram.ts [rounds=5] [--against DIR]
// `--against DIR` also times the pictogram code of another checkout (e.g. /work/main) in
// the same process, alternating which goes first per procedure, so a shared machine's
// load falls on both alike. Results are recorded by hand in docs/benchmarks.md.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { VFile } from 'vfile';
import { checkDocuments } from '../src/model/check-documents.js';
import { readSite } from '../src/model/read-site.js';
import type { Procedure } from '../src/model/types.js';
import { outlinesFor } from '../src/outline/build-outline.js';
import type { Outline } from '../src/outline/types.js';
import { loadTemplates } from '../src/pipeline/load-templates.js';

const args = process.argv.slice(2);
const againstAt = args.indexOf('--against');
const against = againstAt >= 0 ? args.splice(againstAt, 2)[1] : undefined;
const rounds = Number(args[0] ?? 5);
const here = resolve(import.meta.dirname, '..');
const content = join(here, 'content');
const templates = await loadTemplates();
const site = readSite(new VFile(), readFileSync(join(content, 'site.yaml'), 'utf8'), new Set(templates.words.keys()));
if (!site) throw new Error('sample site.yaml is invalid');
const documents = ['id', 'jv'].flatMap((lang) =>
  readdirSync(join(content, lang)).map((name) => ({
    source: `${lang}/${name}`,
    bytes: readFileSync(join(content, lang, name)),
  })),
);
const procedures = checkDocuments(documents, site, templates.words, undefined, templates.pictogramIds).flatMap((doc) =>
  doc.procedure ? [doc.procedure] : [],
);
const outlineOf = outlinesFor(site, templates.words);

/** One checkout's pictogram code, loaded from its source (its own caches, its own templates). */
interface Code {
  label: string;
  svg: (procedure: Procedure, outline: Outline) => { svg: string; pages: number; pdf: () => Promise<Uint8Array> };
  png: (svg: string, dpi: number) => Promise<Uint8Array>;
}

async function loadCode(root: string, label: string): Promise<Code> {
  const from = (path: string) => import(join(root, 'src/render/pictogram', path));
  const [{ sheetToPdf }, { svgToPng }, resources, { buildSheet }, { sheetToSvg }] = await Promise.all([
    from('pdf.ts'),
    from('png.ts'),
    from('resources.ts'),
    from('sheet.ts'),
    from('svg.ts'),
  ]);
  const lexicon = resources.loadLexicon();
  const load = (art: string) => resources.loadDrawing(art, lexicon.openmojiStyle);
  // Older checkouts take the drawing's source (`drawingSource`), newer ones the read drawing.
  const sheetResources = { lexicon, faces: resources.loadFaces(), drawing: load, drawingSource: load };
  return {
    label,
    svg: (procedure, outline) => {
      const words = templates.words.get(procedure.lang);
      const { sheet, credits } = buildSheet(outline, words, sheetResources);
      const svg: string = sheetToSvg(sheet, { lang: outline.lang, title: outline.title.text, credits });
      const pdf = () =>
        sheetToPdf(sheet, { lang: outline.lang, title: 'bench', subject: '', credits, updated: outline.updated.iso });
      return { svg, pages: sheet.pages.length, pdf };
    },
    png: svgToPng,
  };
}

type Stage = 'svg' | 'png150' | 'pdf' | 'png300';
interface Record {
  wall: { [stage in Stage]: number[] };
  cpu: { [stage in Exclude<Stage, 'png300'>]: number[] } & { sheet: number[] };
}
const codes = [await loadCode(here, 'this checkout')];
if (against) codes.push(await loadCode(resolve(against), against));
const records = codes.map(
  (): Record => ({
    wall: { svg: [], png150: [], pdf: [], png300: [] },
    cpu: { svg: [], png150: [], pdf: [], sheet: [] },
  }),
);

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

/** One sheet with one checkout's code: CPU (all threads) of each file a build makes, then the 300 dpi PNG (wall only). */
async function sheet(code: Code, record: Record | undefined, procedure: Procedure) {
  const measure = async <T>(work: () => T | Promise<T>) => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = await work();
    return { result, cpu: cpuSeconds(cpu), wall: performance.now() - started };
  };
  const svg = await measure(() => code.svg(procedure, outlineOf(procedure)));
  const { pages } = svg.result;
  const png = await measure(() => code.png(svg.result.svg, 150));
  const pdf = await measure(() => svg.result.pdf());
  const large = await measure(() => code.png(svg.result.svg, 300));
  if (!record) return;
  record.wall.svg.push(svg.wall / pages);
  record.wall.png150.push(png.wall / pages);
  record.wall.pdf.push(pdf.wall / pages);
  record.wall.png300.push(large.wall / pages);
  record.cpu.svg.push(svg.cpu);
  record.cpu.png150.push(png.cpu);
  record.cpu.pdf.push(pdf.cpu);
  record.cpu.sheet.push(svg.cpu + png.cpu + pdf.cpu);
}

async function round(recording: boolean, index: number) {
  for (const [i, procedure] of procedures.entries()) {
    // Alternate which checkout goes first, so neither always follows the other's garbage.
    const order = (i + index) % 2 === 0 ? codes.keys() : [...codes.keys()].reverse();
    for (const k of order) await sheet(codes[k] as Code, recording ? records[k] : undefined, procedure);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
console.log(
  `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
);
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
console.log(`load average before: ${load()}`);
await round(false, 0);
for (let i = 0; i < rounds; i++) await round(true, i);
for (const [k, code] of codes.entries()) {
  const record = records[k] as Record;
  console.log(`\n${code.label}`);
  for (const [stage, values] of Object.entries(record.wall)) {
    console.log(
      `${stage.padEnd(7)} median ${median(values).toFixed(1)} ms per page, max ${Math.max(...values).toFixed(1)} ms`,
    );
  }
  const { cpu } = record;
  console.log(
    `CPU per procedure (SVG + PNG 150 dpi + PDF): median ${median(cpu.sheet).toFixed(3)} s ` +
      `(medians: SVG ${median(cpu.svg).toFixed(3)}, PNG ${median(cpu.png150).toFixed(3)}, PDF ${median(cpu.pdf).toFixed(3)} s)`,
  );
}
console.log(
  `\n${procedures.length} procedures × ${rounds} rounds × ${codes.length} checkouts; load average after: ${load()}; ` +
    `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
);
