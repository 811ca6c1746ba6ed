// The HTML edition: a standalone page and an embeddable fragment per procedure,
// plus the site index and the shared stylesheet.
import { formatDate } from '../../i18n/words.js';
import type { Site } from '../../model/site.js';
import type { Procedure } from '../../model/types.js';
import { type Artifact, procedureDir, type RenderContext, type Renderer } from '../types.js';
import { languageVersions, procedureView, wordsFor } from './procedure-view.js';
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
      home: `../../${languageIndexDir(outline.lang, context)}`,
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
  renderSite(context) {
    const indexes = indexPages(context).map((index) => ({
      path: index.path,
      data: context.renderTemplate('index', { ...index, site: siteView(context.site) }),
    }));
    const assets: Artifact[] = [...context.assets].map(([name, data]) => ({ path: `assets/${name}`, data }));
    return [...indexes, ...assets, ...webFontArtifacts(context.assets.get('pelita.css') ?? '')];
  },
};

/** Where a language's index page is, relative to the output folder: the source language's at its top. */
function languageIndexDir(lang: string, context: RenderContext): string {
  return lang === (context.site.languages[0] ?? 'id') ? '' : `${lang}/`;
}

/** Open Graph wants a language_TERRITORY locale; Pelita's languages are Indonesia's. */
function openGraphLocale(lang: string): string {
  return `${lang.split('-')[0]}_ID`;
}

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
 * One index page per language, so no page grows with every language of the corpus: the
 * source language's at `index.html`, each other's at `<lang>/index.html`. A page lists its
 * language's own procedures by unit, then a compact list of originals not yet translated.
 */
function indexPages(context: RenderContext) {
  const sourceLang = context.site.languages[0] ?? 'id';
  const originals = context.procedures.filter((procedure) => procedure.lang === sourceLang);
  // Looked up by slug, so the pages take time linear in the corpus.
  const originalBySlug = new Map(originals.map((original) => [original.slug, original]));
  const originalUnit = (procedure: Procedure) => (originalBySlug.get(procedure.slug) ?? procedure).meta.unit ?? '';
  const indexPath = (lang: string) => (lang === sourceLang ? 'index.html' : `${lang}/index.html`);
  const indexDir = (lang: string) => languageIndexDir(lang, context);
  const languages = context.site.languages.filter(
    (lang) => lang === sourceLang || context.procedures.some((procedure) => procedure.lang === lang),
  );
  return languages.map((lang) => {
    const root = lang === sourceLang ? '' : '../';
    const words = wordsFor(lang, context);
    const own = context.procedures.filter((procedure) => procedure.lang === lang);
    const entry = (shown: Procedure): IndexEntry => {
      const status = shown.translation?.status;
      return {
        href: `${root}${procedureDir(shown)}/`,
        title: shown.meta.title,
        summary: shown.meta.summary,
        lang: shown.lang,
        fallback: shown.lang !== lang,
        outdated: status === 'stale' || status === 'unmarked',
        notUpdated: context.notUpdated?.has(procedureDir(shown))
          ? words.terms.not_updated.replace('{date}', formatDate(shown.meta.updated, words))
          : '',
        unit: originalUnit(shown),
      };
    };
    const entries = own.map(entry);
    // A unit is named as the first translation in this language to name it, when one does.
    const namesInLanguage = new Map<string, string>();
    for (const procedure of own) {
      const unit = originalUnit(procedure);
      if (!namesInLanguage.has(unit)) namesInLanguage.set(unit, procedure.meta.unit ?? unit);
    }
    const unitName = (unit: string) => namesInLanguage.get(unit) ?? unit;
    const units = [...new Set(entries.map((candidate) => candidate.unit))].sort((a, b) =>
      a === '' ? 1 : b === '' ? -1 : compareText(a, b),
    );
    const ownSlugs = new Set(own.map((procedure) => procedure.slug));
    const untranslated = originals.filter((original) => !ownSlugs.has(original.slug));
    return {
      path: indexPath(lang),
      lang,
      root,
      home: root === '' ? './' : root + indexDir(lang),
      canonical: `${context.site.url}${indexDir(lang)}`,
      terms: words.terms,
      heading: words.terms.services_in_language,
      units: units.map((unit, index) => ({
        id: `pelita-unit-${index + 1}`,
        name: unit === '' ? words.terms.other_services : unitName(unit),
        lang: unit !== '' && unitName(unit) === unit && lang !== sourceLang ? sourceLang : lang,
        entries: sortEntries(entries.filter((candidate) => candidate.unit === unit)),
      })),
      untranslated: sortEntries(untranslated.map(entry)),
      sourceLanguageName: wordsFor(sourceLang, context).languageName,
      sourceLang,
      // Jump links to the same list in every other language, named in that language.
      languages: languages
        .filter((other) => other !== lang)
        .map((other) => ({
          lang: other,
          name: wordsFor(other, context).languageName,
          href: `${root}${indexDir(other)}`,
          url: `${context.site.url}${indexDir(other)}`,
        })),
    };
  });
}

function sortEntries(entries: IndexEntry[]): IndexEntry[] {
  return [...entries].sort((a, b) => compareText(a.title, b.title) || compareText(a.href, b.href));
}

/** Locale-independent, so output bytes never depend on the machine's ICU data. */
function compareText(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}
