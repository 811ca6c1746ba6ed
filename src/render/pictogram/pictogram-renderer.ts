// The picture-language edition (bahasa gambar): pictograms.svg, .png and .pdf per
// procedure, one picture per requirement and step, with short captions.
import type { Words } from '../../i18n/words.js';
import type { Procedure } from '../../model/types.js';
import { type Artifact, procedureDir, type RenderContext, type Renderer } from '../types.js';
import { sheetToPdf } from './pdf.js';
import { svgToPng } from './png.js';
import { loadDrawing, loadFaces, loadLexicon } from './resources.js';
import { buildSheet } from './sheet.js';
import { sheetToSvg } from './svg.js';

export const pictogramRenderer: Renderer = {
  id: 'pictogram',
  editions: [
    { file: 'pictograms.pdf', term: 'edition_pictograms_pdf', type: 'application/pdf' },
    { file: 'pictograms.png', term: 'edition_pictograms_png', type: 'image/png' },
    { file: 'pictograms.svg', term: 'edition_pictograms_svg', type: 'image/svg+xml' },
  ],
  async renderProcedure(_outline, context, run) {
    const procedure = run.procedure;
    const lexicon = loadLexicon();
    const words = wordsFor(procedure, context);
    const { sheet, plan, credits } = buildSheet(procedure, words, {
      lexicon,
      faces: loadFaces(),
      drawingSource: (art) => loadDrawing(art, lexicon.openmojiStyle),
    });

    const unmatched = [...plan.requirements, ...plan.steps].filter((entry) => entry.source === 'unmatched');
    const first = unmatched[0];
    if (first) {
      const list = unmatched
        .map((entry) => `${sectionName(entry.section, words)} ${entry.number} ("${entry.caption}")`)
        .join(', ');
      run.warn(
        `The picture-language sheet has no picture for ${list}; it shows a numbered tile instead. Add a known word to the text, or choose a picture by ending the line with {pictogram=ID} (the ids are in templates/pictograms/lexicon.yaml).`,
        first.item.position,
        'pictogram-unmatched',
      );
    }

    const dir = procedureDir(procedure);
    const title = procedure.meta.title;
    const svg = sheetToSvg(sheet, { lang: procedure.lang, title: `${words.terms.pictogram_sheet}: ${title}`, credits });
    const [png, pdf] = await Promise.all([
      svgToPng(svg, context.settings.pictogramDpi),
      sheetToPdf(sheet, {
        lang: procedure.lang,
        title: `${title} – ${words.terms.pictogram_sheet}`,
        subject: procedure.meta.summary,
        credits,
        updated: procedure.meta.updated,
      }),
    ]);
    const artifacts: Artifact[] = [
      { path: `${dir}/pictograms.pdf`, data: pdf },
      { path: `${dir}/pictograms.png`, data: png },
      { path: `${dir}/pictograms.svg`, data: svg },
    ];
    return artifacts;
  },
};

function wordsFor(procedure: Procedure, context: RenderContext): Words {
  const words = context.words.get(procedure.lang) ?? context.words.get(context.site.languages[0] ?? 'id');
  if (!words) throw new Error(`no words loaded for language "${procedure.lang}"`);
  return words;
}

function sectionName(section: 'requirements' | 'steps', words: Words): string {
  return section === 'requirements' ? words.terms.requirements : words.terms.steps;
}
