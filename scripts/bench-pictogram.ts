// Picture-language sheet benchmark: time per sheet for each file (SVG, PNG at 150 and
// 300 dpi, PDF), on every sample procedure, after a warm-up round.
//   npx tsx scripts/bench-pictogram.ts [rounds=5]
// Results are recorded by hand in docs/benchmarks.md (machine and date included).
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { checkDocuments } from '../src/model/check-documents.js';
import { readSite } from '../src/model/read-site.js';
import { outlinesFor } from '../src/outline/build-outline.js';
import { loadTemplates } from '../src/pipeline/load-templates.js';
import { sheetToPdf } from '../src/render/pictogram/pdf.js';
import { svgToPng } from '../src/render/pictogram/png.js';
import { loadDrawing, loadFaces, loadLexicon } from '../src/render/pictogram/resources.js';
import { buildSheet } from '../src/render/pictogram/sheet.js';
import { sheetToSvg } from '../src/render/pictogram/svg.js';

const rounds = Number(process.argv[2] ?? 5);
const content = join(import.meta.dirname, '..', 'content');
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
const lexicon = loadLexicon();
const resources = {
  lexicon,
  faces: loadFaces(),
  drawingSource: (art: string) => loadDrawing(art, lexicon.openmojiStyle),
};

const times: Record<'svg' | 'png150' | 'png300' | 'pdf', number[]> = { svg: [], png150: [], png300: [], pdf: [] };
/** CPU seconds (all threads) per procedure for what a build makes: SVG, PNG at 150 dpi, PDF. */
const sheetCpu: number[] = [];
const stageCpu: Record<'svg' | 'png150' | 'pdf', number[]> = { svg: [], png150: [], pdf: [] };
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};
async function round(record: boolean) {
  for (const procedure of procedures) {
    let cpu = process.cpuUsage();
    const words = templates.words.get(procedure.lang);
    if (!words) throw new Error(`no words for ${procedure.lang}`);
    let started = performance.now();
    const outline = outlineOf(procedure);
    const { sheet, credits } = buildSheet(outline, words, resources);
    const svg = sheetToSvg(sheet, { lang: outline.lang, title: outline.title.text, credits });
    const pages = sheet.pages.length;
    const lap = (key: keyof typeof times) => {
      if (record) times[key].push((performance.now() - started) / pages);
      started = performance.now();
    };
    lap('svg');
    const svgCpu = cpuSeconds(cpu);
    cpu = process.cpuUsage();
    await svgToPng(svg, 150);
    lap('png150');
    const pngCpu = cpuSeconds(cpu);
    await svgToPng(svg, 300);
    lap('png300');
    cpu = process.cpuUsage();
    await sheetToPdf(sheet, {
      lang: outline.lang,
      title: 'bench',
      subject: '',
      credits,
      updated: outline.updated.iso,
    });
    lap('pdf');
    const pdfCpu = cpuSeconds(cpu);
    if (record) {
      sheetCpu.push(svgCpu + pngCpu + pdfCpu);
      stageCpu.svg.push(svgCpu);
      stageCpu.png150.push(pngCpu);
      stageCpu.pdf.push(pdfCpu);
    }
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
console.log(
  `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
);
console.log(
  `load average before: ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}`,
);
await round(false);
for (let i = 0; i < rounds; i++) await round(true);
for (const [key, values] of Object.entries(times)) {
  console.log(
    `${key.padEnd(7)} median ${median(values).toFixed(1)} ms per page, max ${Math.max(...values).toFixed(1)} ms`,
  );
}
console.log(
  `CPU per procedure (SVG + PNG 150 dpi + PDF): median ${median(sheetCpu).toFixed(3)} s ` +
    `(medians: SVG ${median(stageCpu.svg).toFixed(3)}, PNG ${median(stageCpu.png150).toFixed(3)}, PDF ${median(stageCpu.pdf).toFixed(3)} s)`,
);
console.log(
  `${procedures.length} procedures × ${rounds} rounds; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
);
