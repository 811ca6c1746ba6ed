// The PDF editions, checked on generated files with real tools (poppler, qpdf, pdf.js, jsQR).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RootContent } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Procedure } from '../src/model/types.js';
import { runBuild } from '../src/pipeline/build.js';
import { breakLines } from '../src/render/pdf/line-break.js';
import { renderPdf } from '../src/render/pdf/pdf-document.js';
import { pdfRenderer } from '../src/render/pdf/pdf-renderer.js';
import { loadPdfResources, THEME_FILE } from '../src/render/pdf/resources.js';
import { readTheme } from '../src/render/pdf/theme.js';
import { contentFolder, tempDir } from './support/cli.js';
import { check, expectGolden, FIXTURES, REPO, renderContext, renderWith } from './support/fixtures.js';
import {
  decodeQr,
  findAll,
  pdffonts,
  pdfinfo,
  pdfjsPageRoles,
  pdfPages,
  pdftext,
  qpdfCheck,
  type StructNode,
  structureTree,
} from './support/pdf.js';

const EDITIONS = ['leaflet.pdf', 'large-print.pdf'];

interface Rendered {
  procedure: Procedure;
  dir: string;
  warnings: string[];
  bytes: Map<string, Uint8Array>;
}

/** Renders documents (`{ 'id/slug.md': text }`) to PDF files in a temporary folder. */
async function renderAll(documents: Record<string, string>): Promise<Map<string, Rendered>> {
  const checked = await check(documents);
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
    rendered.set(key, { procedure: doc.procedure, dir, warnings, bytes });
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

const itemText = (content: Procedure['steps']['items'][number]['content']) =>
  plainText({ type: 'paragraph', children: content }).replace(/\s+/g, ' ').trim();

const countTables = (blocks: readonly RootContent[]): number =>
  blocks.reduce(
    (sum, block) =>
      sum + (block.type === 'table' ? 1 : 'children' in block ? countTables(block.children as RootContent[]) : 0),
    0,
  );

function allBlocks(procedure: Procedure): RootContent[] {
  const sections = [procedure.legalBasis, procedure.complaints, procedure.notes, ...procedure.freeSections];
  return [
    ...procedure.introduction,
    ...procedure.requirements.blocks,
    ...procedure.steps.blocks,
    ...sections.flatMap((section) => section?.blocks ?? []),
  ];
}

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
        expect(findAll(tree, 'Table'), path).toHaveLength(countTables(allBlocks(procedure)));
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
        const expected = [
          procedure.meta.title,
          procedure.meta.cost,
          procedure.meta.duration,
          procedure.meta.product,
          ...procedure.requirements.items.map((item) => itemText(item.content)),
          ...procedure.steps.items.map((item) => itemText(item.content)),
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
    expect(typography.warnings[0]).toMatch(/^pdf-missing-glyph: .*"ꦲ" \(U\+A9B2\)/);
    expect(pdftext(join(typography.dir, 'leaflet.pdf'))).toContain('belum ada di huruf cetak');
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

  it('cuts a web address longer than the line after a slash or dot', async () => {
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
    for (const text of texts.slice(0, -1)) expect(text).toMatch(/[/.-]$/);
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
      procedure,
      site: context.site,
      words: context.words.get('id') as never,
      url: 'https://example.org/',
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
