// The print editions: leaflet.pdf and large-print.pdf per procedure, tagged PDF/UA,
// drawn from the outline only.
import type { Artifact, EditionFile, Renderer } from '../types.js';
import { procedureDir } from '../types.js';
import { renderPdf } from './pdf-document.js';
import { loadPdfResources } from './resources.js';

export const PDF_EDITIONS: readonly EditionFile[] = [
  { file: 'leaflet.pdf', term: 'edition_leaflet', type: 'application/pdf' },
  { file: 'large-print.pdf', term: 'edition_large_print', type: 'application/pdf' },
];

export const pdfRenderer: Renderer = {
  id: 'pdf',
  editions: PDF_EDITIONS,
  async renderProcedure(outline, context, run) {
    const { theme, fonts } = await loadPdfResources();
    const words = context.words.get(outline.lang);
    if (!words) throw new Error(`no words loaded for language "${outline.lang}"`);
    const dir = procedureDir(outline);
    const artifacts: Artifact[] = [];
    const seen = new Set<string>();
    // Both editions see the same text: report each problem once.
    const warn: typeof run.warn = (reason, place, ruleId, params) => {
      const key = `${ruleId} ${JSON.stringify(place)} ${reason}`;
      if (seen.has(key)) return;
      seen.add(key);
      run.warn(reason, place, ruleId, params);
    };
    for (const edition of theme.editions) {
      const data = await renderPdf({ outline, site: context.site, words, theme, edition, fonts, warn });
      artifacts.push({ path: `${dir}/${edition.file}`, data });
    }
    return artifacts;
  },
};
