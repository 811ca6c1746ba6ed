// The spoken script read against its source, without synthesising any audio: every text
// of the outline is said, in the page's order, with the paragraphs around lists, tables
// row by row, quotes, footnotes and the translation notice.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../src/model/check-documents.js';
import { type BlockHandlers, renderBlock } from '../src/outline/handlers.js';
import { plainText } from '../src/outline/plain-text.js';
import type { Block, Inline, Outline } from '../src/outline/types.js';
import { audioRenderer } from '../src/render/audio/audio-renderer.js';
import { findPlace } from '../src/render/audio/find-place.js';
import { readSpeechLanguage } from '../src/render/audio/normalise/speech-language.js';
import { markPhrase, normaliseParagraph, speechScript } from '../src/render/audio/script.js';
import { loadSpeechData } from '../src/render/audio/speech-data.js';
import type { RenderContext } from '../src/render/types.js';
import { CORPUS, CORPUS_SOURCES, checkCorpus, corpusName } from './support/corpus.js';
import { check, expectGolden, messageLines, REPO, renderContext, validProcedure } from './support/fixtures.js';

const { languages, lexicon } = await loadSpeechData();

function speechOf(outline: Outline, context: RenderContext) {
  const words = context.words.get(outline.lang)!;
  return readSpeechLanguage(outline.lang, languages.get(outline.lang), words.months);
}

function scriptOf(outline: Outline, context: RenderContext): string {
  const words = context.words.get(outline.lang)!;
  return speechScript({ outline, words, speech: speechOf(outline, context), lexicon, speechOf: speechOfLang(context) });
}

/** The speech rules of any language, for phrases marked in it. */
function speechOfLang(context: RenderContext) {
  return (lang: string) => {
    const other = context.words.get(lang);
    return other ? readSpeechLanguage(lang, languages.get(lang), other.months) : undefined;
  };
}

async function built(documents: Record<string, string>): Promise<{ outlines: Outline[]; context: RenderContext }> {
  const checked = await check(documents);
  return outlinesOf(checked);
}

async function outlinesOf(checked: CheckedDocument[]) {
  const context = await renderContext(checked);
  const outlines = checked.map((doc) => {
    if (!doc.procedure) throw new Error(`${doc.source} did not build: ${messageLines(doc).join(', ')}`);
    return context.outline(doc.procedure);
  });
  return { outlines, context };
}

/** Every text a reader of the page sees, as the outline holds it (links read as their text). */
function outlineTexts(outline: Outline): string[] {
  const text = (inlines: readonly Inline[]) => plainText(inlines, { links: 'text', phrase: markPhrase });
  const inBlocks = (blocks: readonly Block[]): string[] =>
    blocks.flatMap((block) => renderBlock(block, handlers, undefined));
  const handlers: BlockHandlers<string[]> = {
    paragraph: (node) => [text(node.children)],
    subheading: (node) => [text(node.content)],
    preformatted: (node) => node.lines,
    quote: (node) => inBlocks(node.children),
    list: (node) => node.items.flatMap((item) => [text(item.content), ...inBlocks(item.blocks)]),
    table: (node) => [...node.header, ...node.rows.flat()].map((cell) => text(cell.content)),
  };
  return [
    outline.title.text,
    outline.summary.text,
    ...(outline.unit ? [outline.unit.text] : []),
    ...outline.facts.map((fact) => fact.value),
    ...(outline.notice ? [outline.notice.text] : []),
    ...inBlocks(outline.introduction),
    ...outline.sections.flatMap((section) => [section.title, ...inBlocks(section.blocks)]),
    ...outline.notes.flatMap((note) => inBlocks(note.blocks)),
    outline.updated.text,
  ];
}

/** Said words only: case, punctuation and symbols do not count. */
const fold = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Texts of the outline, clause by clause, that the script does not say. */
function unsaid(outline: Outline, context: RenderContext, script: string): string[] {
  const said = ` ${fold(script)} `;
  const speech = speechOf(outline, context);
  return outlineTexts(outline)
    .flatMap((text) => text.split(/(?<=[.!?;:])\s+/))
    .filter((clause) => {
      const folded = fold(normaliseParagraph(clause, { speech, lexicon, speechOf: speechOfLang(context) }));
      return folded !== '' && !said.includes(` ${folded} `);
    });
}

describe('the golden corpus script', async () => {
  const { outlines, context } = await outlinesOf(await checkCorpus());
  const scripts = new Map(
    outlines.map((outline) => [`${outline.lang}/${outline.slug}.md`, scriptOf(outline, context)]),
  );
  const id = scripts.get('id/data-penelitian.md')!;
  const jv = scripts.get('jv/data-penelitian.md')!;

  for (const source of CORPUS_SOURCES) {
    it(`${source} matches its reviewed audio.txt`, () => {
      expectGolden(join(CORPUS, `${corpusName(source)}.audio.txt`), scripts.get(source)!);
    });
  }

  it('says every sentence of the source', () => {
    for (const outline of outlines) {
      expect(unsaid(outline, context, scriptOf(outline, context)), outline.source).toEqual([]);
    }
  });

  it('(the check above finds a sentence or a table cell that is not said)', () => {
    const outline = outlines.find((candidate) => candidate.lang === 'id')!;
    const cut = id
      .replace(' Berkas yang tidak lengkap dikembalikan pada hari yang sama.', '')
      .replace('Subbidang Informasi', '');
    expect(unsaid(outline, context, cut)).toEqual([
      'Berkas yang tidak lengkap dikembalikan pada hari yang sama.',
      'Subbidang Informasi',
    ]);
  });

  it('says the paragraphs before and after the requirements list', () => {
    expect(id).toContain('Persyaratan. Siapkan berkas berikut, berurutan sesuai nomornya: pertama, surat pengantar');
    expect(id).toContain('untuk penelitian. Berkas yang tidak lengkap dikembalikan pada hari yang sama.');
  });

  it('keeps the sections in the page order: a free section right after the steps, footnotes after the last section', () => {
    const order = [
      'Persyaratan.',
      'Prosedur. Langkah-langkahnya sebagai berikut. Langkah pertama:',
      'Langkah keempat:',
      'Lama Tiap Tahap.',
      'Pengaduan.',
      'Catatan. Data disampaikan',
      'Catatan kaki. Nomor satu: Data pribadi dilindungi;',
      'Terakhir diperbarui:',
    ];
    let at = 0;
    for (const phrase of order) {
      const found = id.indexOf(phrase, at);
      expect(found, phrase).toBeGreaterThan(at);
      at = found;
    }
  });

  it('reads a table row by row, each cell with its column header', () => {
    expect(id).toContain(
      'Lama Tiap Tahap. Tabel tiga baris, dengan kolom: Tahap, Lama, Penanggung jawab. Pemeriksaan berkas: lama satu hari, penanggung jawab Petugas loket. Penyiapan data: lama lima hari,',
    );
    expect(jv).toContain('Pamriksan berkas: dangunipun setunggal dinten, ingkang tanggel jawab Petugas loket.');
  });

  it('says the sub-heading, the preformatted line, the quote and the picture description', () => {
    expect(id).toContain(
      'Contoh perihal surat. Perihal: Permohonan Data Kepegawaian untuk Penelitian. Data hanya boleh dipakai untuk penelitian yang disebut dalam proposal. Contoh tabel data per golongan.',
    );
  });

  it('refers to a footnote after the paragraph that holds it, and reads the note at the end', () => {
    expect(id).toContain('panyuwunan data. Lihat catatan kaki nomor satu.\n');
    expect(jv).toContain('Pirsani cathetan ngandhap nomer setunggal.');
    expect(jv).toContain('Cathetan ngandhap. Nomer setunggal: Data pribadi dipunreksa;');
  });

  it('keeps the words of a phrase in another language', () => {
    expect(id).toContain('untuk layanan ini adalah panyuwunan data.');
    expect(jv).toContain('dipunwastani Permohonan Data Kepegawaian.');
  });

  it('says the translation notice in the opening paragraph, with the original', () => {
    const opening = jv.split('\n\n')[0]!;
    expect(outlines.find((outline) => outline.lang === 'jv')?.notice).toBeDefined();
    expect(opening).toContain(
      'Terjemahan punika saged ugi dereng cocog kaliyan versi aslinipun ingkang paling anyar. Kangge informasi ingkang mesthi, mangga waos versi aslinipun. Waos versi aslinipun, Bahasa Indonesia:',
    );
    expect(id).not.toContain('Terjemahan');
  });
});

describe('the sample content', () => {
  it('has scripts that say every sentence of their source', async () => {
    const documents = Object.fromEntries(
      ['id', 'jv'].flatMap((lang) =>
        readdirSync(join(REPO, 'content', lang))
          .filter((name) => name.endsWith('.md'))
          .map((name) => [`${lang}/${name}`, readFileSync(join(REPO, 'content', lang, name), 'utf8')]),
      ),
    );
    const { outlines, context } = await built(documents);
    expect(outlines.length).toBeGreaterThan(10);
    for (const outline of outlines) {
      expect(unsaid(outline, context, scriptOf(outline, context)), outline.source).toEqual([]);
    }
  });
});

describe('the script', () => {
  it('reads a phrase marked :id[…] inside Javanese with Indonesian rules, and the rest with Javanese', async () => {
    const javanese = `---
title: Pindah Domisili
summary: Layanan kangge warga ingkang badhe pindah domisili.
duration: 14 dinten kerja
cost: Rp 0,-
product: Surat Keterangan Pindah
updated: 2025-10-01
---

Biaya legalisir :id[Rp 5.000/lembar], utawi Rp 5.000 saben lembar.

## Syarat

- Fotokopi KTP-el lan KK

## Tata Cara

1. Isi formulir ing :id[Kantor Regional II, Jl. Jend. Sudirman No. 14].
2. Tampi surat ing 21 dinten.

## Dhasar Hukum

- :id[Peraturan Pemerintah Nomor 14 Tahun 2024], pasal 21
`;
    const { outlines, context } = await built({
      'id/pindah-domisili.md': `---
title: Pindah Domisili
summary: Layanan bagi warga yang akan pindah domisili.
duration: 14 hari kerja
cost: Rp 0,-
product: Surat Keterangan Pindah
updated: 2025-10-01
---

Biaya legalisir Rp 5.000/lembar.

## Persyaratan

- Fotokopi KTP-el dan KK

## Prosedur

1. Isi formulir di Kantor Regional II, Jl. Jend. Sudirman No. 14.
2. Terima surat dalam 21 hari.

## Dasar Hukum

- Peraturan Pemerintah Nomor 14 Tahun 2024, pasal 21
`,
      'jv/pindah-domisili.md': javanese,
    });
    const jv = outlines.find((outline) => outline.lang === 'jv')!;
    const script = scriptOf(jv, context);
    expect(script).toContain('Biaya legalisir lima ribu rupiah per lembar, utawi gangsal ewu rupiah saben lembar.');
    expect(script).toContain('Kantor Regional dua, Jalan Jenderal Sudirman nomor empat belas');
    expect(script).toContain('Peraturan Pemerintah Nomor empat belas Tahun dua ribu dua puluh empat, pasal selikur');
    expect(script).toContain('sekawan welas dinten kerja');
    expect(script).toContain('gratis');
    expect(script).not.toMatch(/[\uE000-\uE002]/u);
  });

  it('reads a link as its text, and the address only when the text is the address', async () => {
    const { outlines, context } = await built({
      'id/cuti-tahunan.md': validProcedure((text) =>
        text.replace(
          'Pengantar singkat.',
          'Unduh [formulir cuti](https://bkpsdm.uji.example/formulir.pdf) atau buka <https://www.lapor.go.id>.',
        ),
      ),
    });
    const script = scriptOf(outlines[0]!, context);
    expect(script).toContain('Unduh formulir cuti atau buka we we we titik lapor titik go titik id.');
    expect(script).not.toContain('formulir titik');
  });

  it('says the site complaint channels as the complaints section when a procedure has none', async () => {
    const { outlines, context } = await built({
      'id/cuti-tahunan.md': validProcedure((text) => text.replace(/## Pengaduan[\s\S]*$/, '')),
    });
    expect(outlines[0]!.sections.at(-1)?.origin).toBe('site');
    expect(scriptOf(outlines[0]!, context)).toContain(
      'Pengaduan. Sampaikan pengaduan, saran, dan masukan melalui: Loket pengaduan be ka pe es de em, Senin sampai Kamis',
    );
  });

  it('introduces a requirements list without a lead-in paragraph, and counts the items from the list start', async () => {
    const { outlines, context } = await built({ 'id/cuti-tahunan.md': validProcedure() });
    expect(scriptOf(outlines[0]!, context)).toContain(
      'Persyaratan. Yang perlu Anda bawa: pertama, formulir permohonan cuti. kedua, fotokopi es ka pangkat terakhir.',
    );
  });
  it("says our lead-in after the writer's paragraph when that paragraph does not lead into the list", async () => {
    const { outlines, context } = await built({
      'id/cuti-tahunan.md': validProcedure((text) =>
        text.replace('## Persyaratan\n', '## Persyaratan\n\nSemua berkas dibawa dalam bentuk asli.\n'),
      ),
    });
    expect(scriptOf(outlines[0]!, context)).toContain(
      'Persyaratan. Semua berkas dibawa dalam bentuk asli. Yang perlu Anda bawa: pertama, formulir',
    );
  });
});

describe('the audio cache key', () => {
  const document = (after: string) =>
    validProcedure((text) =>
      text.replace('- Fotokopi SK pangkat terakhir\n', `- Fotokopi SK pangkat terakhir\n\n${after}\n`),
    );

  async function key(text: string): Promise<string | undefined> {
    const { outlines, context } = await built({ 'id/cuti-tahunan.md': text });
    // Made from the outline alone: no model is looked up.
    return audioRenderer.cacheKey!(outlines[0]!, { ...context, procedures: [] });
  }

  it('is the same for the same outline and changes with any spoken text, such as a paragraph after a list', async () => {
    const first = await key(document('Berkas diserahkan dalam map.'));
    expect(first).toContain('"segments":');
    expect(await key(document('Berkas diserahkan dalam map.'))).toBe(first);
    expect(await key(document('Berkas diserahkan dalam map biru.'))).not.toBe(first);
  });
});

describe('warning places', () => {
  it('are searched in the outline: a table cell, a paragraph after a list, a footnote', async () => {
    const text = validProcedure((source) =>
      source
        .replace('- Fotokopi SK pangkat terakhir\n', '- Fotokopi SK pangkat terakhir\n\nBerkas dalam map ABC.\n')
        .replace(
          '## Pengaduan',
          '## Jadwal\n\n| Hari | Jam |\n| --- | --- |\n| Senin | 08.00 di loket DEF |\n\nLihat catatan[^1].\n\n[^1]: Loket GHI tutup saat libur.\n\n## Pengaduan',
        ),
    );
    const { outlines } = await built({ 'id/cuti-tahunan.md': text });
    const lines = text.split('\n');
    const lineOf = (word: string) => lines.findIndex((line) => line.includes(word)) + 1;
    for (const word of ['ABC', 'DEF', 'GHI']) {
      expect(findPlace(outlines[0]!, word)?.start.line, word).toBe(lineOf(word));
    }
    expect(findPlace(outlines[0]!, 'Cuti')?.start.line).toBe(lineOf('title:'));
  });
});
