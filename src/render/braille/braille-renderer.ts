// The Braille edition: braille.brf (embossers), braille.pef (PEF 1.0), braille.txt
// (Unicode proof) and braille.html (proof page: each braille page beside its print).
// Two steps, as in liblouisutdml: translate (liblouis, behind BrailleEngine), then
// paginate (pure, on cells); then one small serialiser per format.
import type { Words } from '../../i18n/words.js';
import type { Outline } from '../../outline/types.js';
import { type Artifact, procedureDir, type RenderContext, type Renderer } from '../types.js';
import { CONTINUATION } from './continuation.js';
import { withoutSigns } from './emphasis.js';
import { loadEngine } from './engine.js';
import { loadGeometry } from './geometry.js';
import { brailleNumeral } from './numerals.js';
import { type Geometry, type Pagination, paginate } from './paginate.js';
import { type PrintBlock, printBlocks, printOptions } from './print-blocks.js';
import { wordMarks } from './print-words.js';
import { toBrf, toPef, toProofText } from './serialise.js';
import { knownCharacters, tableFor } from './tables.js';
import { characterRules, describe, replaceUnknown } from './unknown-characters.js';

const BLANK = '\u2800';
const HYPHEN = '⠤';
/** Addresses break after the slash or the period, or before the at sign (4-1). */
const ADDRESS_BREAKS = { after: ['⠌', '⠲'], before: ['⠈⠁'] };
/** Capital, number, letter and kursif signs: not letters when a hyphenated word's parts are counted. */
const INDICATORS = ['⠠', '⠼', '⠰', '⠨'];
/** Comma, semicolon, colon, period, hyphen: a shortened running head ends in none of them. */
const HEAD_PUNCTUATION = ['⠂', '⠆', '⠒', '⠲', '⠤'];

export const brailleRenderer: Renderer = {
  id: 'braille',
  editions: [
    { file: 'braille.brf', term: 'edition_braille_brf', type: 'application/x-brf' },
    { file: 'braille.pef', term: 'edition_braille_pef', type: 'application/x-pef+xml' },
    { file: 'braille.txt', term: 'edition_braille_proof', type: 'text/plain' },
    { file: 'braille.html', term: 'edition_braille_proof_page', type: 'text/html' },
  ],
  async renderProcedure(outline, context, run) {
    const words = wordsFor(outline.lang, context);
    const table = context.site.brailleTables[outline.lang] ?? tableFor(outline.lang);
    const known = knownCharacters(table);
    const rules = characterRules(outline.lang);
    const blocks = printBlocks(outline, printOptions(words)).map((block) => {
      const replaced = replaceUnknown(block.text, known, rules);
      for (const segment of replaced.emoji) {
        run.warn(
          `The braille edition leaves out the emoji ${describe(segment)}: it has no meaning on paper. Say it in words if it matters.`,
          block.position,
          'braille-emoji-dropped',
          { what: describe(segment) },
        );
      }
      for (const script of replaced.scripts) {
        run.warn(
          `The braille edition replaces the text in another script (${script}) with a transcriber's note "${rules.note.replace('{script}', script)}". Give its reading in Latin letters if the reader needs it.`,
          block.position,
          'braille-other-script',
          { script, note: rules.note.replace('{script}', script) },
        );
      }
      for (const segment of replaced.unknown) {
        run.warn(
          `The braille table has no sign for ${describe(segment)}, so the braille edition leaves it out; write it in words if it matters.`,
          block.position,
          'braille-unknown-character',
          { what: describe(segment) },
        );
      }
      return { ...block, text: replaced.text };
    });
    const engine = await loadEngine(context.settings.brailleEngine);
    const cells = await engine.translate(
      blocks.map((block) => block.text),
      table,
    );
    const geometry = loadGeometry(context.site.braille);
    const result = layOut(blocks, cells, geometry, outline.lang);
    for (const index of result.overlong) {
      run.warn(
        `A word is longer than a braille line (${geometry.cols} cells), so the braille edition breaks it without a hyphen.`,
        blocks[index]?.position,
        'braille-long-word',
        { cols: geometry.cols },
      );
    }
    return brailleArtifacts(outline, words, context, blocks, result, geometry);
  },
};

/** Pure: translated blocks → pages. */
export function layOut(
  blocks: readonly PrintBlock[],
  cells: readonly string[],
  geometry: Geometry,
  lang: string,
): Pagination {
  return paginate(
    blocks.map((block, index) => {
      const braille = cells[index] ?? '';
      const marks = wordMarks(withoutSigns(block.text), lang);
      // Print words and braille words line up one to one when the table writes one blank
      // cell per space; if it ever does not, the marks are left out rather than misplaced.
      const aligned =
        block.text.split(' ').filter((word) => word !== '').length ===
        braille.split(BLANK).filter((word) => word !== '').length;
      return {
        kind: block.kind,
        level: block.level,
        group: block.group,
        together: block.together,
        cells: braille,
        ...(aligned ? marks : {}),
      };
    }),
    {
      geometry,
      blank: BLANK,
      hyphen: HYPHEN,
      breakAfter: ADDRESS_BREAKS.after,
      breakBefore: ADDRESS_BREAKS.before,
      continuation: CONTINUATION,
      indicators: INDICATORS,
      punctuation: HEAD_PUNCTUATION,
      runningHead: cells[0] ?? '',
      pageNumber: brailleNumeral,
    },
  );
}

function brailleArtifacts(
  outline: Outline,
  words: Words,
  context: RenderContext,
  blocks: readonly PrintBlock[],
  { pages }: Pagination,
  geometry: Geometry,
): Artifact[] {
  const dir = procedureDir(outline);
  const proof = context.renderTemplate('braille-proof', {
    lang: outline.lang,
    title: outline.title.text,
    terms: words.terms,
    site: { shortName: context.site.shortName },
    pages: pages.map((page, index) => ({
      number: index + 1,
      braille: page.lines.join('\n'),
      print: page.blocks.map((block) => withoutSigns(blocks[block]?.text ?? '')),
    })),
  });
  return [
    { path: `${dir}/braille.brf`, data: toBrf(pages) },
    {
      path: `${dir}/braille.pef`,
      data: toPef(pages, geometry, {
        title: outline.title.text,
        lang: outline.lang,
        date: outline.updated.iso,
        name: dir,
      }),
    },
    { path: `${dir}/braille.txt`, data: toProofText(pages) },
    { path: `${dir}/braille.html`, data: proof },
  ];
}

function wordsFor(lang: string, context: RenderContext): Words {
  const words = context.words.get(lang) ?? context.words.get(context.site.languages[0] ?? 'id');
  if (!words) throw new Error(`no words loaded for language "${lang}"`);
  return words;
}
