// The HTML edition: a standalone page and an embeddable fragment per procedure,
// plus the site index and the shared stylesheet.
import { procedureDir, type Renderer } from '../types.js';
import { indexPages } from './index-pages.js';
import { languageVersions, procedureView } from './procedure-view.js';
import { languageIndexDir } from './site-index.js';
import { siteView } from './site-view.js';
import { governmentService, jsonLdScript } from './structured-data.js';
import { webFontArtifacts } from './web-fonts.js';

export const htmlRenderer: Renderer = {
  id: 'html',
  renderProcedure(outline, context, run) {
    const dir = procedureDir(outline);
    const languages = languageVersions(outline, context);
    // Clean directory addresses: what a citizen shares, and what a static host serves.
    const canonical = `${context.site.url}${dir}/`;
    // hreflang alternates name every version, this one included.
    const alternates = languages.length > 0 ? [{ lang: outline.lang, url: canonical }, ...languages] : [];
    const page = context.renderTemplate('page', {
      view: procedureView(outline, context, run.earlier, { headingShift: 0, root: '../../', files: '' }),
      site: siteView(context.site),
      root: '../../',
      home: `../../${languageIndexDir(outline.lang, context.site.languages[0] ?? 'id')}`,
      canonical,
      languages,
      alternates,
      locale: openGraphLocale(outline.lang),
      jsonLd: jsonLdScript(
        governmentService(outline, context.site, canonical, [
          outline.lang,
          ...languages.map((version) => version.lang),
        ]),
      ),
    });
    const fragment = context.renderTemplate('fragment', {
      view: procedureView(outline, context, run.earlier, {
        headingShift: 1,
        root: context.site.url,
        files: `${context.site.url}${dir}/`,
      }),
    });
    return [
      { path: `${dir}/index.html`, data: page },
      { path: `${dir}/fragment.html`, data: fragment },
    ];
  },
  *renderSite(context) {
    yield* indexPages(context);
    for (const [name, data] of context.assets) yield { path: `assets/${name}`, data };
    yield* webFontArtifacts(context.assets.get('pelita.css') ?? '');
  },
};

/** Open Graph wants a language_TERRITORY locale; Pelita's languages are Indonesia's. */
function openGraphLocale(lang: string): string {
  return `${lang.split('-')[0]}_ID`;
}
