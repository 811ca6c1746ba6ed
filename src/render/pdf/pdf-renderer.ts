// The print editions: leaflet.pdf and large-print.pdf per procedure, tagged PDF/UA.
import type { Words } from '../../i18n/words.js';
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
  async renderProcedure(_outline, context, run) {
    const procedure = run.procedure;
    const { theme, fonts } = await loadPdfResources();
    const words = context.words.get(procedure.lang) ?? (context.words.values().next().value as Words);
    const dir = procedureDir(procedure);
    const url = `${context.site.url}${dir}/index.html`;
    const artifacts: Artifact[] = [];
    const seen = new Set<string>();
    // Both editions see the same text: report each problem once.
    const warn: typeof run.warn = (reason, place, ruleId) => {
      const key = `${ruleId} ${JSON.stringify(place)} ${reason}`;
      if (seen.has(key)) return;
      seen.add(key);
      run.warn(reason, place, ruleId);
    };
    for (const edition of theme.editions) {
      const data = await renderPdf({ procedure, site: context.site, words, url, theme, edition, fonts, warn });
      artifacts.push({ path: `${dir}/${edition.file}`, data });
    }
    return artifacts;
  },
};
