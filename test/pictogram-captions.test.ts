// The picture-language sheet carries the whole procedure it claims to show: every
// row's whole text (and the writer's caption above it), pictures with the item's own
// number or none, no "?" for a missing letter, and every row's text as text (SVG
// <title>/<desc>, PDF alt text). Goldens of
// the shared corpus hold the sheet's text as read back from the SVG.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Point, Position } from 'unist';
import { describe, expect, it } from 'vitest';
import type { Procedure } from '../src/model/types.js';
import { htmlRenderer } from '../src/render/html/html-renderer.js';
import { isTextRun, type Piece, type Sheet } from '../src/render/pictogram/layout.js';
import { PICTOGRAM_SHOWS } from '../src/render/pictogram/parts-shown.js';
import { pictogramRenderer } from '../src/render/pictogram/pictogram-renderer.js';
import { pictureNumber } from '../src/render/pictogram/picture-number.js';
import { loadDrawing, loadFaces, loadLexicon } from '../src/render/pictogram/resources.js';
import { buildSheet } from '../src/render/pictogram/sheet.js';
import type { RenderContext } from '../src/render/types.js';
import { CORPUS, checkCorpus, corpusName } from './support/corpus.js';
import { check, expectGolden, messageLines, renderContext, renderWith } from './support/fixtures.js';

const lexicon = loadLexicon();
const resources = {
  lexicon,
  faces: loadFaces(),
  drawing: (art: string) => loadDrawing(art, lexicon.openmojiStyle),
};

/** A birth-certificate procedure: brackets, quantities, photo sizes, a long step, signs. */
function akta(patch: (text: string) => string = (text) => text): string {
  return patch(`---
title: Penerbitan Akta Kelahiran
summary: Layanan bagi orang tua yang mencatatkan kelahiran anaknya.
duration: 14 hari kerja
cost: Gratis
product: Kutipan Akta Kelahiran
updated: 2026-03-02
---

Pengantar singkat.

## Persyaratan

- Fotokopi Kartu Keluarga (KK) dan KTP-el
- Fotokopi buku nikah orang tua (2 lembar)
- Pas foto berwarna ukuran 4×6 cm sebanyak 3 lembar
- Pas foto ukuran 3×4 {caption="Pas foto 3×4"}
- Pas foto terbaru
- Bukti pembayaran 🧾 tidak diperlukan

## Prosedur

1. Serahkan berkas ke loket.
   - Petugas memeriksa kelengkapan berkas.
2. Akta terbit ≤ 14 hari kerja.
3. Isi formulir F-2.01 yang sudah ditandatangani pelapor serta 2 (dua) orang saksi yang masing-masing membawa fotokopi KTP-el dan surat pernyataan tanggung jawab mutlak bila salah satu dokumen tidak ada, lalu serahkan bersama berkas lain ke petugas loket pelayanan.

## Pengaduan

- Loket pengaduan
`);
}

async function built(text: string, source = 'id/akta-kelahiran.md') {
  const checked = await check({ [source]: text });
  const doc = checked.find((entry) => entry.source === source)!;
  if (!doc.procedure) throw new Error(messageLines(doc).join('\n'));
  const context = await renderContext(checked);
  return { procedure: doc.procedure, context, checked };
}

async function sheetOf(text: string): Promise<Sheet> {
  const { procedure, context } = await built(text);
  return buildSheet(context.outline(procedure), context.words.get('id')!, resources).sheet;
}

/** Warnings with the line they point at. */
async function warningsOf(procedure: Procedure, context: RenderContext) {
  const warnings: { ruleId: string; line?: number; reason: string }[] = [];
  const artifacts = await pictogramRenderer.renderProcedure!(context.outline(procedure), context, {
    earlier: [],
    warn: (reason, place, ruleId) => warnings.push({ ruleId, line: lineOf(place), reason }),
  });
  return { warnings, artifacts };
}

function lineOf(place: Position | Point | undefined): number | undefined {
  if (!place) return undefined;
  return 'start' in place ? place.start.line : place.line;
}

/** The words a piece draws, line after line. */
function drawn(piece: Piece): string {
  return piece.parts
    .flatMap((part) => (isTextRun(part) ? [part.text] : []))
    .join(' ')
    .replace(/- /g, '-');
}

const pieces = (sheet: Sheet) => sheet.pages.flat();
const tileOf = (sheet: Sheet, description: string) =>
  pieces(sheet).find((piece) => piece.role === 'figure' && piece.description === description)!;

/** The sheet's text as a reader of the SVG gets it: every <title> and <desc>, by role. */
function accessibleText(svg: string): string[] {
  const unescapeXml = (text: string) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  const lines: string[] = [];
  const group = /<(svg|g)\b([^>]*?)>\s*<title(?: id="[^"]*")?>([^<]*)<\/title>(?:<desc>([^<]*)<\/desc>)?/g;
  for (const match of svg.matchAll(group)) {
    const role = /role="([^"]+)"/.exec(match[2] ?? '')?.[1] ?? match[1];
    const level = /aria-level="(\d)"/.exec(match[2] ?? '')?.[1];
    const name = `${role === 'group' ? 'sheet' : role}${level ? ` ${level}` : ''}`;
    lines.push(`${name}: ${unescapeXml(match[3] ?? '')}${match[4] ? `\n  desc: ${unescapeXml(match[4])}` : ''}`);
  }
  return lines;
}

describe('rows never drop content', () => {
  it('shows the whole text of every item in its row, brackets and quantities included', async () => {
    const sheet = await sheetOf(akta());
    for (const text of [
      'Fotokopi Kartu Keluarga (KK) dan KTP-el',
      'Fotokopi buku nikah orang tua (2 lembar)',
      'Pas foto berwarna ukuran 4×6 cm sebanyak 3 lembar',
      'Akta terbit ≤ 14 hari kerja.',
    ]) {
      expect(drawn(tileOf(sheet, text))).toContain(text);
      expect(drawn(tileOf(sheet, text))).not.toContain('…');
    }
  });

  it('wraps a long text over as many lines as it needs, at 14 pt or more, never cut', async () => {
    const long =
      'Surat keterangan kelahiran dari rumah sakit, puskesmas, atau bidan yang ditandatangani dokter atau bidan penolong persalinan';
    const sheet = await sheetOf(akta((s) => s.replace('- Pas foto terbaru', `- ${long}`)));
    const row = tileOf(sheet, long);
    expect(drawn(row)).toBe(long);
    const runs = row.parts.filter(isTextRun);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    // 14 pt is 4.94 mm: every line of every row's text column (right of its pictures) at least that.
    const rows = pieces(sheet).filter((piece) => piece.role === 'figure' && !piece.text?.includes(':'));
    const sizes = rows.flatMap((piece) =>
      piece.parts.flatMap((part) => (isTextRun(part) && part.x > 38 ? [part.size] : [])),
    );
    expect(sizes.length).toBeGreaterThan(8);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(4.94);
  });

  it("shows the writer's {caption} in bold above the item's whole text, which is also its description", async () => {
    const sheet = await sheetOf(akta());
    const row = tileOf(sheet, 'Pas foto ukuran 3×4');
    expect(row.text).toBe('Pas foto 3×4');
    expect(drawn(row)).toBe('3×4 Pas foto 3×4 Pas foto ukuran 3×4');
  });

  it('prints sub-points in the row, under the item', async () => {
    const sheet = await sheetOf(akta());
    const row = tileOf(sheet, 'Serahkan berkas ke loket. – Petugas memeriksa kelengkapan berkas.');
    expect(drawn(row)).toBe('Serahkan berkas ke loket. – Petugas memeriksa kelengkapan berkas.');
  });

  it('keeps a long step whole, with no warning about shortening', async () => {
    const { procedure, context } = await built(akta());
    const { warnings } = await warningsOf(procedure, context);
    expect(warnings.map((warning) => warning.ruleId)).toEqual(['pictogram-missing-glyph']);
    const sheet = buildSheet(context.outline(procedure), context.words.get('id')!, resources).sheet;
    const whole = (procedure.steps.items[2]!.content[0] as { value: string }).value;
    expect(drawn(tileOf(sheet, whole)).replace(/\s+/g, ' ')).toBe(whole);
  });
});

describe('{caption="…"} in the model', () => {
  it('is read beside {pictogram=…} or alone, in straight or curly quotes, and cut from every text', async () => {
    const text = akta((s) =>
      s
        .replace('- Pas foto terbaru', '- Pas foto terbaru {pictogram=photo caption="Foto baru"}')
        .replace(
          '- Fotokopi buku nikah orang tua (2 lembar)',
          '- Fotokopi buku nikah orang tua (2 lembar) {caption=“Buku nikah”}',
        ),
    );
    const { procedure, context, checked } = await built(text);
    expect(messageLines(checked[0]!)).toEqual([]);
    const items = procedure.requirements.items;
    expect([items[1]?.caption, items[3]?.caption, items[4]?.caption]).toEqual([
      'Buku nikah',
      'Pas foto 3×4',
      'Foto baru',
    ]);
    expect(items[4]?.pictogram?.id).toBe('photo');
    const list = context.outline(procedure).sections[0]?.list;
    expect(list?.items[4]?.caption).toBe('Foto baru');
    expect(JSON.stringify(procedure.requirements.blocks)).not.toContain('caption');
    const page = String((await renderWith(htmlRenderer, procedure, context)).artifacts[0]?.data);
    expect(page).toContain('<li>Pas foto terbaru</li>');
    expect(page).not.toContain('caption=');
  });

  it('is an error when empty, or when the {…} holds something else, at the attribute', async () => {
    const checked = await check({
      'id/akta-kelahiran.md': akta((s) =>
        s
          .replace('- Pas foto terbaru', '- Pas foto terbaru {caption=""}')
          .replace('- Bukti pembayaran 🧾 tidak diperlukan', '- Bukti pembayaran {pictogram=money capton="Bukti"}'),
      ),
    });
    expect(messageLines(checked[0]!)).toEqual([
      '18:20 error pictogram-caption-empty',
      '19:20 error item-attribute-invalid',
    ]);
    expect(checked[0]?.file.messages[1]?.reason).toContain('capton="Bukti"');
  });

  it('leaves other braces as text', async () => {
    const { procedure } = await built(
      akta((s) => s.replace('- Pas foto terbaru', '- Pas foto terbaru {lihat lampiran}')),
    );
    expect((procedure.requirements.items[4]!.content[0] as { value: string }).value).toBe(
      'Pas foto terbaru {lihat lampiran}',
    );
  });
});

describe("pictures show the item's own number or none", () => {
  it('takes a photo size as written, a number of days, and nothing when there is none or more than one', () => {
    const days = ['hari'];
    expect(pictureNumber('size', 'Pas foto berwarna ukuran 4×6 cm sebanyak 3 lembar', days)).toBe('4×6');
    expect(pictureNumber('size', 'Pasfoto 2x3', days)).toBe('2x3');
    expect(pictureNumber('size', 'Pas foto 3×4 dan 4×6', days)).toBeUndefined();
    expect(pictureNumber('size', 'Pas foto terbaru', days)).toBeUndefined();
    expect(pictureNumber('days', '7 hari kerja', days)).toBe('7');
    expect(pictureNumber('days', '14 (empat belas) hari kerja', days)).toBe('14');
    expect(pictureNumber('days', '5–7 hari kerja', days)).toBeUndefined();
    expect(pictureNumber('days', '1 bulan', days)).toBeUndefined();
    expect(pictureNumber('days', 'Segera', days)).toBeUndefined();
    expect(pictureNumber('days', '7 dinten kerja', ['dinten'])).toBe('7');
  });

  it('draws 4×6 on the 4×6 photo, 3×4 on the 3×4 one, none on a photo without a size, and the duration on the calendar', async () => {
    const sheet = await sheetOf(akta());
    const photo = (description: string) => drawn(tileOf(sheet, description));
    expect(photo('Pas foto berwarna ukuran 4×6 cm sebanyak 3 lembar')).toMatch(/^4×6 /);
    expect(photo('Pas foto ukuran 3×4')).toMatch(/^3×4 /);
    expect(photo('Pas foto terbaru')).toBe('Pas foto terbaru'); // no number on the photo
    expect(drawn(tileOf(sheet, 'Jangka waktu penyelesaian: 14 hari kerja'))).toBe(
      'Jangka waktu penyelesaian 14 14 hari kerja',
    );
    const range = await sheetOf(akta((s) => s.replace('duration: 14 hari kerja', 'duration: 5–7 hari kerja')));
    expect(drawn(tileOf(range, 'Jangka waktu penyelesaian: 5–7 hari kerja'))).toBe(
      'Jangka waktu penyelesaian 5–7 hari kerja',
    );
  });

  it('the drawings that carry a number print none of their own (the sheet writes it)', () => {
    const numbered = lexicon.concepts.filter((concept) => concept.number);
    expect(numbered.map((concept) => [concept.id, concept.art, concept.number?.shows])).toEqual([
      ['photo', 'own:photo', 'size'],
      ['money', 'own:money', 'amount'],
      ['pay', 'own:money', 'amount'],
      ['calendar', 'own:calendar', 'days'],
    ]);
    // Pelita's drawings write letters as outlined paths: the photo and calendar none, the money only "Rp".
    const letters = (art: string) => resources.drawing(art).body.match(/<path transform=/g)?.length ?? 0;
    expect(numbered.map((concept) => letters(concept.art))).toEqual([0, 2, 2, 0]);
  });
});

describe('letters the caption fonts lack', () => {
  it('draws ≤ from the fallback font, leaves out 🧾 with a warning at its line, and never prints "?"', async () => {
    const { procedure, context } = await built(akta());
    const { warnings, artifacts } = await warningsOf(procedure, context);
    const missing = warnings.filter((warning) => warning.ruleId === 'pictogram-missing-glyph');
    expect(missing.map((warning) => warning.line)).toEqual([19]);
    expect(missing[0]?.reason).toContain('"🧾" (U+1F9FE)');
    const sheet = buildSheet(context.outline(procedure), context.words.get('id')!, resources).sheet;
    expect(drawn(tileOf(sheet, 'Bukti pembayaran 🧾 tidak diperlukan'))).toContain('Bukti pembayaran tidak diperlukan');
    const pdf = artifacts.find((artifact) => artifact.path.endsWith('.pdf'))!.data as Uint8Array;
    const document = await getDocument({ data: pdf.slice(), useSystemFonts: false }).promise;
    let text = '';
    for (let n = 1; n <= document.numPages; n++) {
      const content = await (await document.getPage(n)).getTextContent();
      text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
    }
    await document.destroy();
    expect(text).toContain('≤');
    expect(text).not.toContain('?');
  });
});

describe('what the sheet shows, and the way to the rest', () => {
  it('states its parts as data and prints the web address of the rest', async () => {
    expect(PICTOGRAM_SHOWS).toEqual(['title', 'notice', 'facts', 'requirements', 'steps']);
    const sheet = await sheetOf(akta());
    const rest = pieces(sheet).find((piece) => piece.role === 'text' && piece.text?.includes('halaman layanan'));
    expect(rest?.text).toBe(
      'Penjelasan lengkap, tabel, dan catatan: lihat halaman layanan https://bkpsdm.uji.example/layanan/id/akta-kelahiran/index.html',
    );
  });

  it("makes every tile's whole text the PDF Figure's alt text", async () => {
    const { procedure, context } = await built(akta());
    const { artifacts } = await warningsOf(procedure, context);
    const pdf = artifacts.find((artifact) => artifact.path.endsWith('.pdf'))!.data as Uint8Array;
    const document = await getDocument({ data: pdf.slice(), useSystemFonts: false }).promise;
    const alts: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const walk = (node: { role?: string; alt?: string; children?: unknown[] }) => {
        if (node.role === 'Figure') alts.push(node.alt ?? '');
        for (const child of node.children ?? []) walk(child as typeof node);
      };
      walk(await (await document.getPage(n)).getStructTree());
    }
    await document.destroy();
    expect(alts).toContain('Pas foto ukuran 3×4');
    expect(alts).toContain('Serahkan berkas ke loket. – Petugas memeriksa kelengkapan berkas.');
    expect(alts).toContain('Fotokopi Kartu Keluarga (KK) dan KTP-el');
  });
});

describe('the golden corpus', async () => {
  const checked = await checkCorpus();
  const context = await renderContext(checked);
  for (const doc of checked) {
    it(`${doc.source}: the sheet's text as read back from pictograms.svg, and what it draws`, async () => {
      const { warnings, artifacts } = await warningsOf(doc.procedure!, context);
      expect(warnings).toEqual([]);
      const svg = String(artifacts.find((artifact) => artifact.path.endsWith('.svg'))!.data);
      const { sheet } = buildSheet(context.outline(doc.procedure!), context.words.get(doc.procedure!.lang)!, resources);
      const visible = sheet.pages.flatMap((page, i) => [
        `## page ${i + 1}`,
        ...page.flatMap((piece) => piece.parts.flatMap((part) => (isTextRun(part) ? [part.text] : []))),
      ]);
      const golden = [
        '# <title> and <desc> of pictograms.svg, in order',
        ...accessibleText(svg),
        '',
        '# lines drawn (as outlines in the SVG, as text in the PDF)',
        ...visible,
        '',
      ].join('\n');
      expectGolden(`${CORPUS}/${corpusName(doc.source)}.pictograms.txt`, golden);
    });
  }
});
