// The picture-language edition (bahasa gambar): pictograms.svg, .png and .pdf per
// procedure, one picture per requirement and step with its words, from the outline.
import type { Words } from '../../i18n/words.js';
import type { Outline } from '../../outline/types.js';
import { type Artifact, type ProcedureRun, procedureDir, type RenderContext, type Renderer } from '../types.js';
import type { SheetWords } from './layout.js';
import { sheetToPdf } from './pdf.js';
import { pictureFiles } from './picture-files.js';
import type { Plan } from './plan.js';
import { svgToPng } from './png.js';
import { type Faces, loadDrawing, loadFaces, loadLexicon } from './resources.js';
import { buildSheet } from './sheet.js';
import { sheetToSvg } from './svg.js';
import { missingCharacters } from './text-paths.js';

/**
 * Bump when the way the sheet's files are made changes, so cached sheets are made again.
 * 2: the PDF draws the shapes itself, each drawing a form XObject (was svg-to-pdfkit).
 * 3: path data read by svgpath (arcs split a little differently), PNG at compression level 4.
 */
export const PICTOGRAM_FORMAT_VERSION = 3;

export const pictogramRenderer: Renderer = {
  id: 'pictogram',
  editions: [
    { file: 'pictograms.pdf', term: 'edition_pictograms_pdf', type: 'application/pdf' },
    { file: 'pictograms.png', term: 'edition_pictograms_png', type: 'image/png' },
    { file: 'pictograms.svg', term: 'edition_pictograms_svg', type: 'image/svg+xml' },
  ],
  cacheKey: () => JSON.stringify({ version: PICTOGRAM_FORMAT_VERSION }),
  async renderProcedure(outline, context, run) {
    const lexicon = loadLexicon();
    const faces = loadFaces();
    const words = wordsFor(outline, context);
    const built = buildSheet(outline, words, {
      lexicon,
      faces,
      drawing: (art) => loadDrawing(art, lexicon.openmojiStyle),
    });
    const { sheet, plan, credits } = built;
    warnWeakPictures(plan, words, run);
    warnMissingGlyphs(outline, plan, built.words, words, faces, run);

    const dir = procedureDir(outline);
    const title = outline.title.text;
    const svg = sheetToSvg(sheet, { lang: outline.lang, title: `${words.terms.pictogram_sheet}: ${title}`, credits });
    const [png, pdf] = await Promise.all([
      svgToPng(svg, context.settings.pictogramDpi),
      sheetToPdf(sheet, {
        lang: outline.lang,
        title: `${title} – ${words.terms.pictogram_sheet}`,
        subject: outline.summary.text,
        credits,
        updated: outline.updated.iso,
      }),
    ]);
    // Each picture on its own, for the web page's picture list.
    const pictures = [...pictureFiles(plan, { drawing: built.drawing, faces })].map(
      ([path, data]): Artifact => ({ path: `${dir}/${path}`, data }),
    );
    const artifacts: Artifact[] = [
      { path: `${dir}/pictograms.pdf`, data: pdf },
      { path: `${dir}/pictograms.png`, data: png },
      {
        path: `${dir}/pictograms.svg`,
        data: svg,
        // Summed over the build for its summary line (specific / generic / none).
        facts: {
          picturesSpecific: plan.split.specific,
          picturesGeneric: plan.split.generic,
          picturesNone: plan.split.none,
        },
      },
    ];
    artifacts.push(...pictures);
    return artifacts;
  },
};

/**
 * Each item whose picture does not say what it says is named where it stands: with no
 * picture, or with one that shows only "a document" or "a card" (coverage counts it as
 * generic, not as covered).
 */
function warnWeakPictures(plan: Plan, words: Words, run: ProcedureRun): void {
  for (const entry of [...plan.requirements, ...plan.steps]) {
    const item = `${sectionName(entry.section, words)} ${entry.number}`;
    const text = entry.caption ?? entry.text;
    if (entry.match === 'none') {
      run.warn(
        `The picture-language sheet has no picture for ${item} ("${text}"); it shows a numbered box instead. Add a known word to the text, or choose a picture by ending the line with {pictogram=ID} (the ids are in templates/pictograms/lexicon.yaml).`,
        entry.item.position,
        'pictogram-unmatched',
        { list: `${item} ("${text}")` },
      );
    } else if (entry.match === 'generic') {
      run.warn(
        `The picture-language sheet shows ${item} ("${text}") only as a general picture (${entry.concept?.id}) that does not say which document it is. Name the document in the text, or choose a picture by ending the line with {pictogram=ID}.`,
        entry.item.position,
        'pictogram-generic',
        { item, text, picture: entry.concept?.id ?? '' },
      );
    }
  }
}

/** Characters no caption font has are left out of the drawing: say so where they stand. */
function warnMissingGlyphs(
  outline: Outline,
  plan: Plan,
  printed: SheetWords,
  words: Words,
  faces: Faces,
  run: ProcedureRun,
): void {
  const sources = [
    { what: 'the title', text: outline.title.text, place: outline.title.position },
    ...plan.facts.map(({ fact }) => ({ what: fact.label, text: `${fact.label} ${fact.value}`, place: fact.position })),
    ...[...plan.requirements, ...plan.steps].map((entry) => ({
      what: `${sectionName(entry.section, words)} ${entry.number}`,
      text: `${entry.caption ?? ''} ${entry.fullText}`,
      place: entry.item.position,
    })),
    {
      what: 'the words of the sheet',
      text: [printed.notice ?? '', printed.rest, printed.conditions, printed.requirements, printed.steps].join(' '),
      place: undefined,
    },
  ];
  for (const source of sources) {
    const missing = [
      ...new Set([...missingCharacters(source.text, faces.bold), ...missingCharacters(source.text, faces.regular)]),
    ];
    if (missing.length === 0) continue;
    const list = missing.map(
      (char) => `"${char}" (U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`,
    );
    run.warn(
      `The picture-language sheet has no letter shape for ${list.join(', ')} in ${source.what}, so it leaves ${missing.length === 1 ? 'it' : 'them'} out of the drawing (the sheet's text for screen readers keeps ${missing.length === 1 ? 'it' : 'them'}). Write ${missing.length === 1 ? 'it' : 'them'} in words to have ${missing.length === 1 ? 'it' : 'them'} printed.`,
      source.place,
      'pictogram-missing-glyph',
      { characters: list.join(', ') },
    );
  }
}

function wordsFor(outline: Outline, context: RenderContext): Words {
  const words = context.words.get(outline.lang) ?? context.words.get(context.site.languages[0] ?? 'id');
  if (!words) throw new Error(`no words loaded for language "${outline.lang}"`);
  return words;
}

function sectionName(section: 'requirements' | 'steps', words: Words): string {
  return section === 'requirements' ? words.terms.requirements : words.terms.steps;
}
