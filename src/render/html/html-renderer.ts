// The HTML edition: a standalone page and an embeddable fragment per procedure,
// plus the site index and the shared stylesheet.
import { formatDate } from '../../i18n/words.js';
import type { Site } from '../../model/site.js';
import type { Procedure } from '../../model/types.js';
import { type Artifact, procedureDir, type RenderContext, type Renderer } from '../types.js';
import { languageVersions, procedureView, wordsFor } from './procedure-view.js';

export const htmlRenderer: Renderer = {
  id: 'html',
  renderProcedure(outline, context, run) {
    const dir = procedureDir(outline);
    const languages = languageVersions(outline, context);
    const canonical = `${context.site.url}${dir}/index.html`;
    // hreflang alternates name every version, this one included.
    const alternates = languages.length > 0 ? [{ lang: outline.lang, url: canonical }, ...languages] : [];
    const page = context.renderTemplate('page', {
      view: procedureView(outline, context, run.earlier, { headingShift: 0, root: '../../', files: '' }),
      site: siteView(context.site),
      root: '../../',
      canonical,
      languages,
      alternates,
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

interface IndexEntry {
  href: string;
  title: string;
  summary: string;
  /** Language of the linked page: the source language when there is no translation. */
  lang: string;
  /** True when the page is the original, shown because no translation exists. */
  fallback: boolean;
  /** True when a translation may be out of date (stale or never reviewed). */
  outdated: boolean;
  /** "Not updated, version of …" when the document has errors now and this is its last good version. */
  notUpdated: string;
  unit: string;
}

/**
 * Every original in every language's list: the translation when there is one, else the
 * original marked as such (never a dead link). Grouped by unit (alphabetical, "other" last).
 */
function indexGroups(context: RenderContext) {
  const sourceLang = context.site.languages[0] ?? 'id';
  const originals = context.procedures.filter((procedure) => procedure.lang === sourceLang);
  return context.site.languages.flatMap((lang) => {
    const own = context.procedures.filter((procedure) => procedure.lang === lang);
    const orphans = own.filter((procedure) => !originals.some((original) => original.slug === procedure.slug));
    const entries: IndexEntry[] = [...originals, ...orphans].map((original) => {
      const shown = own.find((procedure) => procedure.slug === original.slug) ?? original;
      const status = shown.translation?.status;
      return {
        href: `${procedureDir(shown)}/index.html`,
        title: shown.meta.title,
        summary: shown.meta.summary,
        lang: shown.lang,
        fallback: shown.lang !== lang,
        outdated: status === 'stale' || status === 'unmarked',
        notUpdated: context.notUpdated?.has(procedureDir(shown))
          ? wordsFor(lang, context).terms.not_updated.replace(
              '{date}',
              formatDate(shown.meta.updated, wordsFor(lang, context)),
            )
          : '',
        unit: original.meta.unit ?? '',
      };
    });
    if (entries.length === 0) return [];
    const words = wordsFor(lang, context);
    // A unit is named as a translation in this language names it, when one does.
    const unitName = (unit: string) => {
      const translated = own.find(
        (procedure) => procedure.lang === lang && originalUnit(procedure, originals) === unit,
      );
      return translated?.meta.unit ?? unit;
    };
    const units = [...new Set(entries.map((entry) => entry.unit))].sort((a, b) =>
      a === '' ? 1 : b === '' ? -1 : compareText(a, b),
    );
    return [
      {
        lang,
        heading: words.terms.services_in_language,
        terms: words.terms,
        sourceLanguageName: wordsFor(sourceLang, context).languageName,
        units: units.map((unit) => ({
          name: unit === '' ? words.terms.other_services : unitName(unit),
          lang: unit !== '' && unitName(unit) === unit && lang !== sourceLang ? sourceLang : lang,
          entries: sortEntries(entries.filter((entry) => entry.unit === unit)),
        })),
      },
    ];
  });
}

function originalUnit(procedure: Procedure, originals: readonly Procedure[]): string {
  return (originals.find((original) => original.slug === procedure.slug) ?? procedure).meta.unit ?? '';
}

function sortEntries(entries: IndexEntry[]): IndexEntry[] {
  return [...entries].sort((a, b) => compareText(a.title, b.title) || compareText(a.href, b.href));
}

/** Locale-independent, so output bytes never depend on the machine's ICU data. */
function compareText(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}
