// The PDF editions, checked on generated files with real tools (poppler, qpdf, pdf.js, jsQR).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CheckedDocument } from '../src/model/check-documents.js';
import type { Procedure } from '../src/model/types.js';
import { type BlockHandlers, renderBlock } from '../src/outline/handlers.js';
import { plainText } from '../src/outline/plain-text.js';
import type { Block, Outline } from '../src/outline/types.js';
import { runBuild } from '../src/pipeline/build.js';
import { breakLines } from '../src/render/pdf/line-break.js';
import { renderPdf } from '../src/render/pdf/pdf-document.js';
import { pdfRenderer } from '../src/render/pdf/pdf-renderer.js';
import type { LayoutStats } from '../src/render/pdf/pen.js';
import { loadPdfResources, THEME_FILE } from '../src/render/pdf/resources.js';
import { readTheme } from '../src/render/pdf/theme.js';
import { contentFolder, tempDir } from './support/cli.js';
import { CORPUS, checkCorpus, corpusName } from './support/corpus.js';
import { check, expectGolden, FIXTURES, REPO, renderContext, renderWith, validProcedure } from './support/fixtures.js';
import { nestedProcedure } from './support/nesting.js';
import {
  decodeQr,
  findAll,
  pdffonts,
  pdfinfo,
  pdfjsPageRoles,
  pdfjsPageTexts,
  pdfPages,
  pdftext,
  pdftextRaw,
  qpdfCheck,
  type StructNode,
  structureTree,
} from './support/pdf.js';

const EDITIONS = ['leaflet.pdf', 'large-print.pdf'];

interface Rendered {
  procedure: Procedure;
  outline: Outline;
  source: string;
  dir: string;
  warnings: string[];
  bytes: Map<string, Uint8Array>;
}

/** Renders documents (`{ 'id/slug.md': text }`) to PDF files in a temporary folder. */
async function renderAll(documents: Record<string, string>): Promise<Map<string, Rendered>> {
  return renderChecked(await check(documents));
}

async function renderChecked(checked: CheckedDocument[]): Promise<Map<string, Rendered>> {
  const context = await renderContext(checked);
  const out = tempDir('pelita-pdf-');
  const rendered = new Map<string, Rendered>();
  for (const doc of checked) {
    if (!doc.procedure) throw new Error(`${doc.file.path} did not validate: ${doc.file.messages.join('; ')}`);
    const { artifacts, warnings } = await renderWith(pdfRenderer, doc.procedure, context);
    const key = `${doc.procedure.lang}/${doc.procedure.slug}`;
    const dir = join(out, key);
    mkdirSync(dir, { recursive: true });
    const bytes = new Map<string, Uint8Array>();
    for (const artifact of artifacts) {
      const name = artifact.path.slice(key.length + 1);
      writeFileSync(join(dir, name), artifact.data);
      bytes.set(name, artifact.data as Uint8Array);
    }
    const outline = context.outline(doc.procedure);
    rendered.set(key, { procedure: doc.procedure, outline, source: doc.source, dir, warnings, bytes });
  }
  return rendered;
}

function sampleContent(): Record<string, string> {
  const documents: Record<string, string> = {};
  for (const lang of ['id', 'jv']) {
    for (const file of readdirSync(join(REPO, 'content', lang)).sort()) {
      documents[`${lang}/${file}`] = readFileSync(join(REPO, 'content', lang, file), 'utf8');
    }
  }
  return documents;
}

/** Every block of the outline, nested ones included, in reading order. */
function allBlocks(outline: Outline): Block[] {
  const walk = (blocks: readonly Block[]): Block[] =>
    blocks.flatMap((block) => [
      block,
      ...(block.type === 'list' ? block.items.flatMap((item) => walk(item.blocks)) : []),
      ...(block.type === 'quote' ? walk(block.children) : []),
    ]);
  return walk([
    ...outline.introduction,
    ...outline.sections.flatMap((section) => section.blocks),
    ...outline.notes.flatMap((note) => note.blocks),
  ]);
}

/** The text of the first block, a paragraph. */
function firstText(blocks: readonly Block[] | undefined): string {
  const first = blocks?.[0];
  if (first?.type !== 'paragraph') throw new Error('expected a paragraph first');
  return plainText(first.children, { links: 'text' });
}

/** Footnote marks as each edition prints them. */
const MARKS: Record<string, (number: number) => string> = {
  'leaflet.pdf': (number) => [...String(number)].map((digit) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(digit)]).join(''),
  'large-print.pdf': (number) => `[${number}]`,
};

/**
 * Every text the outline holds, as the edition prints it (links with their address, note
 * marks): the title, facts, section titles, each paragraph, list item, table cell, quote,
 * preformatted line and footnote, the notice, the address and the date.
 */
function outlineTexts(outline: Outline, file: string): string[] {
  const text = (nodes: Parameters<typeof plainText>[0]) =>
    plainText(nodes, { links: 'with-address', noteRef: MARKS[file] });
  const own: BlockHandlers<string[]> = {
    paragraph: (block) => [text(block.children)],
    subheading: (block) => [text(block.content)],
    list: (block) => block.items.map((item) => text(item.content)),
    table: (block) => [...block.header, ...block.rows.flat()].map((cell) => text(cell.content)),
    preformatted: (block) => block.lines,
    quote: () => [], // its blocks are among allBlocks
  };
  const blockTexts = allBlocks(outline).flatMap((block) => renderBlock(block, own, undefined));
  return [
    outline.office.name,
    outline.title.text,
    outline.summary.text,
    ...(outline.unit ? [outline.unit.label, outline.unit.text] : []),
    ...(outline.notice ? [outline.notice.text, outline.notice.linkText, outline.notice.originalUrl] : []),
    ...outline.facts.flatMap((fact) => [fact.label, fact.value]),
    ...outline.sections.map((section) => section.title),
    ...(outline.notes.length > 0 ? [outline.notesTitle] : []),
    ...blockTexts,
    outline.url,
    outline.updated.text,
  ].filter((entry) => entry.trim() !== '');
}

/**
 * For comparing with extracted text: no white space at all, so line breaks do not matter,
 * and no variation selectors (U+FE0E/FE0F choose how an emoji looks; the font's glyph for
 * "✍️" maps back to "✍" alone).
 */
const squeezed = (text: string) => text.replace(/\s+|\ufe0e|\ufe0f/g, '');

/** The list directly under a section whose items are the section's items. */
function sectionList(tree: StructNode, index: number): StructNode | undefined {
  const sect = findAll(tree, 'Sect')[index];
  const lists = sect?.children.filter((child) => child.role === 'L') ?? [];
  return lists[lists.length - 1];
}

let sample: Map<string, Rendered>;
let typography: Rendered;

beforeAll(async () => {
  sample = await renderAll(sampleContent());
  const [only] = (
    await renderAll({ 'id/tipografi.md': readFileSync(join(FIXTURES, 'pdf/typography.md'), 'utf8') })
  ).values();
  typography = only as Rendered;
}, 240_000);

describe('PDF editions of every sample procedure', () => {
  it('are tagged, titled, A4, with every font embedded and subset, and pass qpdf --check', () => {
    for (const { procedure, dir } of sample.values()) {
      for (const file of EDITIONS) {
        const path = join(dir, file);
        const info = pdfinfo(path);
        expect(info.Tagged, path).toBe('yes');
        expect(info.Title, path).toBe(procedure.meta.title);
        expect(info['Page size'], path).toContain('(A4)');
        const fonts = pdffonts(path);
        expect(fonts.length, path).toBeGreaterThan(0);
        for (const font of fonts) {
          expect(font, path).toMatchObject({ embedded: true, subset: true, unicode: true });
          expect(font.name, path).toMatch(/^[A-Z]{6}\+(AtkinsonHyperlegibleNext|DejaVuSans)/);
        }
        const qpdf = qpdfCheck(path);
        expect(qpdf.status, `${path}\n${qpdf.output}`).toBe(0);
        expect(qpdf.output).toContain('No syntax or stream encoding errors');
      }
    }
  });

  it('have the structure: H1, one LI per requirement and per step, tables, a QR figure with alt text', () => {
    for (const { procedure, dir } of sample.values()) {
      for (const file of EDITIONS) {
        const path = join(dir, file);
        const tree = structureTree(path);
        expect(tree.children.map((node) => node.role)).toEqual(['Document']);
        expect(findAll(tree, 'H1'), path).toHaveLength(1);
        const requirements = sectionList(tree, 0);
        const steps = sectionList(tree, 1);
        expect(
          requirements?.children.filter((node) => node.role === 'LI'),
          path,
        ).toHaveLength(procedure.requirements.items.length);
        expect(
          steps?.children.filter((node) => node.role === 'LI'),
          path,
        ).toHaveLength(procedure.steps.items.length);
        for (const item of findAll(tree, 'LI')) {
          expect(item.children.map((node) => node.role)).toEqual(['Lbl', 'LBody']);
        }
        const { outline } = sample.get(`${procedure.lang}/${procedure.slug}`) as Rendered;
        expect(findAll(tree, 'Table'), path).toHaveLength(
          allBlocks(outline).filter((block) => block.type === 'table').length,
        );
        for (const table of findAll(tree, 'Table')) {
          expect(findAll(table, 'TH').length, path).toBeGreaterThan(0);
          expect(findAll(table, 'TD').length, path).toBeGreaterThan(0);
        }
        const figures = findAll(tree, 'Figure');
        expect(figures, path).toHaveLength(1);
        expect(figures[0]?.alt, path).toContain(`${procedure.lang}/${procedure.slug}/index.html`);
      }
    }
  });

  it('print every requirement, every step, the cost, the duration and the product', () => {
    for (const { procedure, dir } of sample.values()) {
      for (const file of EDITIONS) {
        const text = pdftext(join(dir, file));
        const itemText = (item: { content: Parameters<typeof plainText>[0] }) =>
          plainText(item.content, { links: 'with-address', noteRef: MARKS[file] });
        const outline = (sample.get(`${procedure.lang}/${procedure.slug}`) as Rendered).outline;
        const expected = [
          procedure.meta.title,
          procedure.meta.cost,
          procedure.meta.duration,
          procedure.meta.product,
          ...(outline.sections[0]?.list?.items ?? []).map(itemText),
          ...(outline.sections[1]?.list?.items ?? []).map(itemText),
        ];
        for (const phrase of expected) expect(text, `${dir}/${file}`).toContain(phrase.replace(/\s+/g, ' '));
      }
    }
  });

  it('number pages "Halaman n dari N" and never end a page with a heading', () => {
    const long = sample.get('id/kenaikan-pangkat') as Rendered;
    for (const file of EDITIONS) {
      const pages = pdfPages(join(long.dir, file)).filter((page) => page.trim() !== '');
      expect(pages.length).toBeGreaterThan(1);
      for (const [index, page] of pages.entries()) {
        expect(page).toContain(`Halaman ${index + 1} dari ${pages.length}`);
      }
    }
    const jv = sample.get('jv/cuti-tahunan') as Rendered;
    expect(pdftext(join(jv.dir, 'leaflet.pdf'))).toMatch(/Kaca 1 saking \d/);
  });

  it('never leave a heading as the last thing on a page (structure per page, read with pdf.js)', async () => {
    for (const key of ['id/kenaikan-pangkat', 'id/pensiun-batas-usia', 'jv/cuti-tahunan']) {
      const { dir } = sample.get(key) as Rendered;
      for (const file of EDITIONS) {
        const pages = await pdfjsPageRoles(join(dir, file));
        for (const [index, page] of pages.entries()) {
          if (index === pages.length - 1) continue;
          const last = page.roles.filter(
            (role) => !['Document', 'Sect', 'L', 'LI', 'Lbl', 'Table', 'TR'].includes(role),
          );
          expect(last[last.length - 1], `${key}/${file} page ${index + 1}`).not.toMatch(/^H\d$/);
        }
        const all = pages.flatMap((page) => page.roles);
        expect(all).toContain('H1');
        expect(all).toContain('LI');
        expect(pages.flatMap((page) => page.alts).join(' ')).toContain('index.html');
      }
    }
  });

  it('has a QR code that decodes to the web page of the procedure', () => {
    const { dir } = sample.get('id/cuti-besar') as Rendered;
    const scratch = tempDir('pelita-qr-');
    for (const file of EDITIONS) {
      const path = join(dir, file);
      const pages = Number(pdfinfo(path).Pages);
      expect(decodeQr(path, pages, scratch), path).toBe('https://bkpsdm.uji.example/layanan/id/cuti-besar/index.html');
    }
  });

  it('use dates from `updated`, a content-derived ID, and give identical bytes twice', async () => {
    const { procedure, dir, bytes } = sample.get('id/cuti-tahunan') as Rendered;
    const info = pdfinfo(join(dir, 'leaflet.pdf'));
    expect(info.CreationDate).toContain('2025');
    expect(new Date(info.CreationDate ?? '').toISOString().slice(0, 10)).toBe(procedure.meta.updated);
    expect(info.ModDate).toBe(info.CreationDate);
    const again = (await renderAll({ 'id/cuti-tahunan.md': sampleContent()['id/cuti-tahunan.md'] as string })).get(
      'id/cuti-tahunan',
    ) as Rendered;
    for (const file of EDITIONS)
      expect(Buffer.from(again.bytes.get(file) as Uint8Array).equals(Buffer.from(bytes.get(file) as Uint8Array))).toBe(
        true,
      );
    const ids = EDITIONS.map(
      (file) =>
        Buffer.from(bytes.get(file) as Uint8Array)
          .toString('latin1')
          .match(/\/ID \[<([0-9a-f]+)>/)?.[1],
    );
    expect(ids[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(ids[0]).not.toBe(ids[1]);
    const other = sample.get('id/cuti-besar') as Rendered;
    expect(Buffer.from(other.bytes.get('leaflet.pdf') as Uint8Array).toString('latin1')).not.toContain(ids[0]);
  });

  it('state the language in the catalog and the XMP metadata', () => {
    for (const [key, lang] of [
      ['id/cuti-tahunan', 'id-ID'],
      ['jv/cuti-tahunan', 'jv-ID'],
    ] as const) {
      const raw = Buffer.from((sample.get(key) as Rendered).bytes.get('leaflet.pdf') as Uint8Array).toString('latin1');
      expect(raw).toContain(`/Lang (${lang})`);
      expect(raw).toContain(`<rdf:li>${lang}</rdf:li>`);
      expect(raw).toContain('<pdfuaid:part>1</pdfuaid:part>');
      expect(raw).toContain('/DisplayDocTitle true');
      expect(raw).toContain('/Outlines');
    }
  });

  it('print the large-print edition at 18 pt or more', () => {
    const { dir } = sample.get('id/cuti-tahunan') as Rendered;
    const sizes = execSizes(join(dir, 'large-print.pdf'));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(18);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(24);
    expect(Math.min(...execSizes(join(dir, 'leaflet.pdf')))).toBeLessThan(12);
  });
});

/** Font sizes used on every page, from the page content streams (qpdf uncompressed). */
function execSizes(path: string): number[] {
  const text = execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, '-'], { encoding: 'latin1' });
  return [...text.matchAll(/\/F\d+ ([\d.]+) Tf/g)].map((match) => Number(match[1]));
}

describe('structure golden', () => {
  it('matches the reviewed structure tree of the Cuti Tahunan leaflet and large print', async () => {
    const rendered = await renderAll({
      'id/cuti-tahunan.md': readFileSync(join(FIXTURES, 'golden/id-cuti-tahunan/input.md'), 'utf8'),
    });
    const { dir } = rendered.get('id/cuti-tahunan') as Rendered;
    for (const file of EDITIONS) {
      const outline = (node: StructNode, depth: number): string[] => [
        `${'  '.repeat(depth)}${node.role}${node.alt ? ` alt="${node.alt}"` : ''}${node.content ? ` (${node.content})` : ''}`,
        ...node.children.flatMap((child) => outline(child, depth + 1)),
      ];
      const text = `${outline(structureTree(join(dir, file)), 0).join('\n')}\n`;
      expectGolden(join(FIXTURES, `pdf/expected-structure-${file.replace('.pdf', '')}.txt`), text);
    }
  });
});

describe('typography', () => {
  it('prints curly quotes, dashes, ×, ±, ≥, ✓ and no-break spaces as written', () => {
    const text = pdftext(join(typography.dir, 'leaflet.pdf'));
    for (const phrase of [
      '“Tipografi” —',
      '‘lengkung’',
      '– dan —',
      '2 × 3',
      '± 5 %',
      '≥ 18 tahun ✓',
      'Rp\u00a010.000',
      '1–2 hari kerja',
    ]) {
      expect(text.replace(/\u00a0/g, ' ')).toContain(phrase.replace(/\u00a0/g, ' '));
    }
    expect(pdffonts(join(typography.dir, 'leaflet.pdf')).some((font) => font.name.includes('DejaVuSans'))).toBe(true);
  });

  it('warns, with the place in the source, about characters no font has, and still prints the rest', () => {
    expect(typography.warnings).toHaveLength(1);
    expect(typography.warnings[0]).toMatch(/^pdf-missing-glyph: .*"🦒" \(U\+1F992\)/);
    const text = pdftext(join(typography.dir, 'leaflet.pdf'));
    expect(text).toContain('belum ada di huruf cetak');
    // Left out, not a box or a replacement mark.
    expect(text).not.toMatch(/[\ufffd\u25a1]|jerapah \?/);
  });

  it('prints aksara Jawa with Noto Sans Javanese', () => {
    expect(pdffonts(join(typography.dir, 'leaflet.pdf')).some((font) => font.name.includes('NotoSansJavanese'))).toBe(
      true,
    );
  });

  it('tags the Markdown table with a header row', () => {
    const tree = structureTree(join(typography.dir, 'leaflet.pdf'));
    expect(findAll(tree, 'Table')).toHaveLength(1);
    expect(findAll(tree, 'TH')).toHaveLength(2);
    expect(findAll(tree, 'TD')).toHaveLength(4);
    expect(pdftext(join(typography.dir, 'leaflet.pdf'))).toContain('Cetak ulang');
  });
});

describe('line breaking', () => {
  it('fills lines up to the width, breaks only at spaces, and keeps no-break spaces', async () => {
    const { fonts } = await loadPdfResources();
    const measure = (text: string) => text.length * 5;
    const lines = breakLines(
      [{ text: 'satu dua tiga empat Rp\u00a010.000 lima', strong: false, emphasis: false, strike: false }],
      {
        chains: fonts,
        measure: (text) => measure(text),
        size: 10,
        width: 60,
        emphasis: 'italic',
      },
    );
    const texts = lines.map((line) => line.segments.map((segment) => segment.text).join(''));
    expect(texts).toEqual(['satu dua', 'tiga empat', 'Rp\u00a010.000', 'lima']);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(60);
  });

  it('never ends a line with a word ending in a hyphen when a word follows it', async () => {
    const { fonts } = await loadPdfResources();
    const lines = breakLines([{ text: 'biaya Rp 0,- dan lain', strong: false, emphasis: false, strike: false }], {
      chains: fonts,
      measure: (text) => text.length * 5,
      size: 10,
      width: 60,
      emphasis: 'italic',
    });
    const texts = lines.map((line) => line.segments.map((segment) => segment.text).join(''));
    expect(texts).toEqual(['biaya Rp', '0,- dan lain']);
  });

  it('cuts a web address longer than the line after a slash or before a dot or hyphen', async () => {
    const { fonts } = await loadPdfResources();
    const url = 'https://bkpsdm.uji.example/layanan/berkas-persyaratan/index.html';
    const lines = breakLines([{ text: url, strong: false, emphasis: false, strike: false, link: url }], {
      chains: fonts,
      measure: (text) => text.length * 5,
      size: 10,
      width: 150,
      emphasis: 'italic',
    });
    const texts = lines.map((line) => line.segments.map((segment) => segment.text).join(''));
    expect(texts.join('')).toBe(url);
    expect(texts.length).toBeGreaterThan(1);
    for (const [index, text] of texts.slice(0, -1).entries()) {
      expect(text).not.toMatch(/[.-]$/);
      expect(`${text.slice(-1)}${texts[index + 1]?.[0]}`).toMatch(/^\/|[.-]$/);
    }
    expect(lines.every((line) => line.segments.every((segment) => segment.link === url))).toBe(true);
  });
});

describe('theme', () => {
  it('makes A5 leaflets when the theme says so', async () => {
    const resources = await loadPdfResources();
    const data = parse(readFileSync(THEME_FILE, 'utf8'));
    data.editions.leaflet.page = 'A5';
    const theme = readTheme(data);
    const [checked] = await check({ 'id/cuti-tahunan.md': sampleContent()['id/cuti-tahunan.md'] as string });
    const context = await renderContext(checked ? [checked] : []);
    const procedure = checked?.procedure as Procedure;
    const bytes = await renderPdf({
      outline: context.outline(procedure),
      site: context.site,
      words: context.words.get('id') as never,
      theme,
      edition: theme.editions[0] as never,
      fonts: resources.fonts,
      warn: () => {},
    });
    const path = join(tempDir('pelita-a5-'), 'a5.pdf');
    writeFileSync(path, bytes);
    expect(pdfinfo(path)['Page size']).toContain('419.53 x 595.28 pts');
  });

  it('rejects a theme with a wrong value, naming the key', () => {
    const data = parse(readFileSync(THEME_FILE, 'utf8'));
    data.editions.large_print.page = 'Letter';
    expect(() => readTheme(data)).toThrow(/editions\.large_print\.page/);
  });
});

describe('HTML page', () => {
  it('links both PDFs with their size', async () => {
    const content = contentFolder({ 'id/cuti-tahunan.md': sampleContent()['id/cuti-tahunan.md'] as string });
    const out = tempDir();
    const result = await runBuild({ contentDir: content, outDir: out });
    expect(result.failed).toBe(0);
    const page = readFileSync(join(out, 'id/cuti-tahunan/index.html'), 'utf8');
    expect(page).toContain('href="leaflet.pdf"');
    expect(page).toContain('href="large-print.pdf"');
    expect(page).toContain('Leaflet (PDF)');
    expect(page).toContain('Edisi cetak besar (PDF)');
    expect(page).toMatch(
      /href="leaflet\.pdf"[^>]*hreflang="id">Leaflet \(PDF\)<\/a> <span[^>]*>\(\d+ KB, Bahasa Indonesia\)/,
    );
  });
});

describe('golden corpus (every block and inline type)', () => {
  let corpus: Map<string, Rendered>;
  beforeAll(async () => {
    corpus = await renderChecked(await checkCorpus());
  }, 120_000);

  it('matches the reviewed text (pdf.js, page by page) and structure of the leaflet and large print, id and jv', async () => {
    for (const { source, dir } of corpus.values()) {
      for (const file of EDITIONS) {
        const path = join(dir, file);
        const pages = await pdfjsPageTexts(path, { artifacts: true });
        const outline = (node: StructNode, depth: number): string[] => [
          `${'  '.repeat(depth)}${node.role}${node.lang ? ` lang=${node.lang}` : ''}${node.alt ? ` alt="${node.alt}"` : ''}${node.content ? ` (${node.content})` : ''}`,
          ...node.children.flatMap((child) => outline(child, depth + 1)),
        ];
        const golden = [
          `# ${source} → ${file}: text as pdf.js reads it, page furniture included`,
          ...pages.flatMap((page, index) => [`## page ${index + 1}`, page.trimEnd()]),
          '# structure tree',
          ...outline(structureTree(path), 0),
          '',
        ].join('\n');
        expectGolden(join(CORPUS, `${corpusName(source)}.${file.replace('.pdf', '')}.txt`), golden);
      }
    }
  });

  it('carries every character of every text of the outline (pdf.js and pdftotext -raw), and warns about nothing', async () => {
    for (const { outline, dir, warnings } of corpus.values()) {
      expect(warnings, dir).toEqual([]);
      for (const file of EDITIONS) {
        const path = join(dir, file);
        const pdfjs = squeezed((await pdfjsPageTexts(path)).join(''));
        // pdftotext's default reading order joins a line ending in "-" to the next one and
        // drops the hyphen (a reader's guess at hyphenation, see "line ends" below); -raw does not.
        const poppler = squeezed(pdftextRaw(path));
        for (const text of outlineTexts(outline, file)) {
          expect(pdfjs, `${path} (pdf.js): ${text}`).toContain(squeezed(text));
          expect(poppler, `${path} (pdftotext): ${text}`).toContain(squeezed(text));
        }
      }
    }
  });

  it('prints the footnote as a numbered part after the sections, with the mark used in the text', async () => {
    for (const { outline, dir } of corpus.values()) {
      for (const file of EDITIONS) {
        const text = (await pdfjsPageTexts(join(dir, file))).join('').replace(/\s+/g, ' ');
        const note = firstText(outline.notes[0]?.blocks);
        const mark = (MARKS[file] as (number: number) => string)(1);
        const label = file === 'leaflet.pdf' ? '1.' : '[1]';
        expect(text, `${dir}/${file}`).toContain(`${mark}.`); // "…diberikan¹." / "…diberikan[1]."
        const notes = text.indexOf(`${outline.notesTitle} ${label} ${note}`);
        expect(notes, `${dir}/${file}`).toBeGreaterThan(0);
        const last = outline.sections[outline.sections.length - 1];
        const lastText = firstText(last?.blocks);
        expect(text.indexOf(`${last?.title} ${lastText}`), `${dir}/${file}`).toBeGreaterThan(0);
        expect(text.indexOf(`${last?.title} ${lastText}`), `${dir}/${file}`).toBeLessThan(notes);
      }
    }
  });

  it('keeps phrases in another language, tagged as a Span with that language', () => {
    const jv = corpus.get('jv/data-penelitian') as Rendered;
    expect(pdftext(join(jv.dir, 'leaflet.pdf'))).toContain('dipunwastani Permohonan Data Kepegawaian.');
    const spans = findAll(structureTree(join(jv.dir, 'leaflet.pdf')), 'Span');
    expect(spans.map((span) => span.lang)).toContain('id-ID');
    const id = corpus.get('id/data-penelitian') as Rendered;
    expect(findAll(structureTree(join(id.dir, 'large-print.pdf')), 'Span').map((span) => span.lang)).toContain('jv-ID');
  });

  it('keeps the writer’s numbering of the requirements and prints the cost "Rp 0,-" whole', () => {
    for (const { dir } of corpus.values()) {
      for (const file of EDITIONS) {
        const text = pdftextRaw(join(dir, file));
        expect(text).toMatch(/1\. \S+ pengantar/);
        expect(text).toMatch(/4\. (Surat|Serat) pernyataan/);
        expect(text).toContain('Rp 0,-');
      }
    }
  });
});

describe('the Javanese sample', () => {
  it('prints the :id[…] phrases of the legal basis', () => {
    const { dir } = sample.get('jv/cuti-tahunan') as Rendered;
    for (const file of EDITIONS) {
      expect(pdftext(join(dir, file))).toContain(
        'Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil, ingkang sampun dipunewahi kaliyan Peraturan Pemerintah Nomor 17 Tahun 2020',
      );
    }
  });
});

describe('line ends', () => {
  it('never drop the hyphen of "Rp 0,-" ending a line (pdf.js), nor end a paragraph line with it (pdftotext)', async () => {
    const paragraphs = Array.from(
      { length: 30 },
      (_, index) =>
        `Biaya layanan ${'a'.repeat(index + 1)} bagi semua pemohon adalah Rp 0,- dan tidak ada pungutan lain.`,
    );
    const text = validProcedure((source) =>
      source.replace('cost: Gratis', 'cost: Rp 0,-').replace('Pengantar singkat.', paragraphs.join('\n\n')),
    );
    const { dir } = (await renderAll({ 'id/cuti-tahunan.md': text })).get('id/cuti-tahunan') as Rendered;
    for (const file of EDITIONS) {
      const path = join(dir, file);
      // Thirty in the text and the cost: pdf.js reads every one.
      expect(
        (await pdfjsPageTexts(path))
          .join('')
          .replace(/\s+/g, ' ')
          .match(/Rp 0,-/g),
        `${path} (pdf.js)`,
      ).toHaveLength(31);
      // pdftotext's reading order drops a hyphen ending a line (and joins the next one to
      // it) whenever one does, so no line of a paragraph ends with one.
      expect(pdftext(path).match(/Rp 0,- dan/g), `${path} (pdftotext)`).toHaveLength(30);
    }
  });

  it('turn a soft line break into a space and a hard one into a new line, with no replacement mark or warning', async () => {
    const text = validProcedure((source) =>
      source.replace('Pengantar singkat.', 'Baris pertama pengantar\nberlanjut di sini.\\\nBaris baru sesudah jeda.'),
    );
    const rendered = (await renderAll({ 'id/cuti-tahunan.md': text })).get('id/cuti-tahunan') as Rendered;
    expect(rendered.warnings).toEqual([]);
    for (const file of EDITIONS) {
      const pages = pdfPages(join(rendered.dir, file)).join('\n');
      expect(pages).not.toContain('\ufffd');
      expect(pages).toMatch(/Baris pertama pengantar\s+berlanjut di sini\.\n\s*Baris baru sesudah jeda\./);
    }
  });
});

describe('layout cost', () => {
  /** Both editions of a procedure with lists nested `depth` deep; the measuring work they took. */
  async function measuresAt(depth: number): Promise<number> {
    const [checked] = await check({ 'id/bersarang.md': nestedProcedure(depth) });
    const procedure = checked?.procedure as Procedure;
    const context = await renderContext(checked ? [checked] : []);
    const { theme, fonts } = await loadPdfResources();
    const stats: LayoutStats = { measures: 0 };
    for (const edition of theme.editions) {
      await renderPdf({
        outline: context.outline(procedure),
        site: context.site,
        words: context.words.get('id') as never,
        theme,
        edition,
        fonts,
        warn: () => {},
        stats,
      });
    }
    return stats.measures;
  }

  it('measures each list item once per width, however deep lists nest', async () => {
    const [six, twelve] = [await measuresAt(6), await measuresAt(12)];
    // Twelve more list items (two per level) cost a bounded number of measurements each;
    // measuring every subtree again at every level would double the count per level.
    expect(twelve - six).toBeLessThanOrEqual(12 * 2 * 2 * 2);
    expect(twelve).toBeLessThan(200);
  }, 60_000);
});

describe('links', () => {
  it('print their address, and are PDF links only for http:, https:, mailto: and tel:', async () => {
    const text = validProcedure((source) =>
      source.replace(
        'Pengantar singkat.',
        'Lihat [Cuti Besar](../cuti-besar/index.html), [jadwal](#jadwal) dan [laman BKN](https://www.bkn.go.id/).',
      ),
    );
    const { dir } = (await renderAll({ 'id/cuti-tahunan.md': text })).get('id/cuti-tahunan') as Rendered;
    for (const file of EDITIONS) {
      const path = join(dir, file);
      expect(pdftextRaw(path)).toContain(
        'Lihat Cuti Besar (../cuti-besar/index.html), jadwal (#jadwal) dan laman BKN (https://www.bkn.go.id/).',
      );
      const raw = readFileSync(path, 'latin1');
      const targets = [...raw.matchAll(/\/URI \(([^)]*)\)/g)].map((match) => match[1]);
      expect(targets).toContain('https://www.bkn.go.id/');
      expect(targets.filter((target) => !/^(https?|mailto|tel):/.test(target ?? ''))).toEqual([]);
    }
  });
});
