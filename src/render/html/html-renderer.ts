// The HTML edition: a standalone page and an embeddable fragment per procedure,
// plus the site index and the shared stylesheet.
import type { Site } from '../../model/site.js';
import type { Procedure } from '../../model/types.js';
import { type Artifact, procedureDir, type RenderContext, type Renderer } from '../types.js';
import { languageVersions, procedureView, wordsFor } from './procedure-view.js';

export const htmlRenderer: Renderer = {
  id: 'html',
  renderProcedure(procedure, context, run) {
    const dir = procedureDir(procedure);
    const languages = languageVersions(procedure, context);
    const canonical = `${context.site.url}${dir}/index.html`;
    // hreflang alternates name every version, this one included.
    const alternates = languages.length > 0 ? [{ lang: procedure.lang, url: canonical }, ...languages] : [];
    const page = context.renderTemplate('page', {
      view: procedureView(procedure, context, run.earlier, 0),
      site: siteView(context.site),
      root: '../../',
      canonical,
      languages,
      alternates,
    });
    const fragment = context.renderTemplate('fragment', { view: procedureView(procedure, context, run.earlier, 1) });
    return [
      { path: `${dir}/index.html`, data: page },
      { path: `${dir}/fragment.html`, data: fragment },
    ];
  },
  renderSite(context) {
    const lang = context.site.languages[0] ?? 'id';
    const index = context.renderTemplate('index', {
      lang,
      terms: wordsFor(lang, context).terms,
      site: siteView(context.site),
      languages: indexGroups(context),
    });
    const assets: Artifact[] = [...context.assets].map(([name, data]) => ({ path: `assets/${name}`, data }));
    return [{ path: 'index.html', data: index }, ...assets];
  },
};

function siteView(site: Site) {
  return {
    name: site.name,
    shortName: site.shortName,
    url: site.url,
    address: site.address ?? '',
    phone: site.phone ?? '',
    phoneHref: (site.phone ?? '').replace(/[^\d+]/g, ''),
    email: site.email ?? '',
  };
}

/** Procedures per language (site order), grouped by unit (alphabetical, "other" last). */
function indexGroups(context: RenderContext) {
  return context.site.languages.flatMap((lang) => {
    const procedures = context.procedures.filter((procedure) => procedure.lang === lang);
    if (procedures.length === 0) return [];
    const terms = wordsFor(lang, context).terms;
    const units = new Map<string, Procedure[]>();
    for (const procedure of sortByTitle(procedures)) {
      const unit = procedure.meta.unit ?? '';
      units.set(unit, [...(units.get(unit) ?? []), procedure]);
    }
    const unitNames = [...units.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : compareText(a, b)));
    return [
      {
        lang,
        heading: terms.services_in_language,
        units: unitNames.map((name) => ({
          name: name || terms.other_services,
          entries: (units.get(name) ?? []).map((procedure) => ({
            href: `${procedureDir(procedure)}/index.html`,
            title: procedure.meta.title,
            summary: procedure.meta.summary,
          })),
        })),
      },
    ];
  });
}

function sortByTitle(procedures: Procedure[]): Procedure[] {
  return [...procedures].sort((a, b) => compareText(a.meta.title, b.meta.title) || compareText(a.slug, b.slug));
}

/** Locale-independent, so output bytes never depend on the machine's ICU data. */
function compareText(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}
