// The index pages of the site (see site-index.ts for what they list): per language a page of
// its units, and per unit pages of its procedures. Each is a site part, so an edit to one
// procedure makes again only the unit pages that list it; a language's page lists no
// procedure, so it is made again only when what it shows (units, names, counts) changes.
import { formatDate } from '../../i18n/words.js';
import type { Procedure } from '../../model/types.js';
import { procedureDir, type RenderContext, type SitePart, sitePart } from '../types.js';
import { wordsFor } from './procedure-view.js';
import {
  languageIndexDir,
  type SiteIndex,
  siteIndex,
  type UnitListing,
  unitPageDir,
  unitPageEntries,
} from './site-index.js';
import { siteView } from './site-view.js';

export function* indexPages(context: RenderContext): Generator<SitePart> {
  const index = siteIndex(context);
  const site = siteView(context.site);
  for (const language of index.languages) {
    const page = languagePage(language.lang, index, context);
    // No members: what the page shows is all in its key, so an edited summary leaves it be.
    yield sitePart(page.path, [], JSON.stringify(page), () =>
      context.renderTemplate('index', { ...page, terms: wordsFor(page.lang, context).terms, site }),
    );
    for (const unit of language.units) {
      for (let n = 1; n <= unit.pages; n++) {
        const page = unitPage(language.lang, unit, n, index, context);
        const { own, untranslated } = unitPageEntries(unit, n);
        yield sitePart(`${page.dir}index.html`, [...own, ...untranslated], JSON.stringify(page), () => {
          const entry = entryView(page.lang, page.root, context);
          return context.renderTemplate('unit', {
            ...page,
            terms: wordsFor(page.lang, context).terms,
            site,
            entries: own.map(entry),
            untranslated: untranslated.map(entry),
          });
        });
      }
    }
  }
}

/** A link to the same page in another language: `href` from this page, `url` for hreflang. */
interface LanguageLink {
  lang: string;
  name: string;
  href: string;
  url: string;
}

/** hreflang alternates name every version, this one included; none when there is no other. */
function alternatesOf(lang: string, canonical: string, languages: readonly LanguageLink[]) {
  return languages.length > 0 ? [{ lang, url: canonical }, ...languages.map(({ lang, url }) => ({ lang, url }))] : [];
}

/** A language's index page: its units, each with its link and number of services. */
function languagePage(lang: string, index: SiteIndex, context: RenderContext) {
  const { sourceLang } = index;
  const root = lang === sourceLang ? '' : '../';
  const words = wordsFor(lang, context);
  const canonical = `${context.site.url}${languageIndexDir(lang, sourceLang)}`;
  // Jump links to the same list in every other language, named in that language.
  const languages = index.languages
    .filter((other) => other.lang !== lang)
    .map(({ lang: other }) => ({
      lang: other,
      name: wordsFor(other, context).languageName,
      href: `${root}${languageIndexDir(other, sourceLang)}`,
      url: `${context.site.url}${languageIndexDir(other, sourceLang)}`,
    }));
  const units = index.languages.find((language) => language.lang === lang)?.units ?? [];
  return {
    path: `${languageIndexDir(lang, sourceLang)}index.html`,
    lang,
    root,
    home: root === '' ? './' : root + languageIndexDir(lang, sourceLang),
    canonical,
    languages,
    alternates: alternatesOf(lang, canonical, languages),
    units: units.map((unit) => ({
      href: `${root}${unitPageDir(lang, unit.slug)}`,
      name: unit.name,
      lang: unit.named ? lang : sourceLang,
      services: words.terms.services_count.replace('{count}', String(unit.own.length)),
      untranslatedCount: unit.untranslated.length,
    })),
    sourceLang,
    sourceLanguageName: wordsFor(sourceLang, context).languageName,
  };
}

/** Page `n` of a unit's list in a language (without the entries, which its members give). */
function unitPage(lang: string, unit: UnitListing, n: number, index: SiteIndex, context: RenderContext) {
  const { sourceLang } = index;
  const words = wordsFor(lang, context);
  const dir = unitPageDir(lang, unit.slug, n);
  const root = `../../../${n > 1 ? '../' : ''}`;
  const canonical = `${context.site.url}${dir}`;
  // The unit's first page in every other language that lists it.
  const languages = index.languages
    .filter((other) => other.lang !== lang && other.has.has(unit.unit))
    .map(({ lang: other }) => ({
      lang: other,
      name: wordsFor(other, context).languageName,
      href: `${root}${unitPageDir(other, unit.slug)}`,
      url: `${context.site.url}${unitPageDir(other, unit.slug)}`,
    }));
  const services = words.terms.services_count.replace('{count}', String(unit.own.length));
  const pageLabel = words.terms.page_number.replace('{page}', String(n)).replace('{pages}', String(unit.pages));
  const link = (page: number) => (page === 1 ? (n === 1 ? './' : '../') : n === 1 ? `${page}/` : `../${page}/`);
  return {
    dir,
    lang,
    root,
    home: root + languageIndexDir(lang, sourceLang),
    canonical,
    languages,
    // Later pages list other services than the other languages' pages of the same number.
    alternates: n === 1 ? alternatesOf(lang, canonical, languages) : [],
    name: unit.name,
    nameLang: unit.named ? lang : sourceLang,
    title: unit.pages > 1 ? `${unit.name} (${pageLabel})` : unit.name,
    description: `${unit.name}: ${services}`,
    services,
    untranslatedCount: unit.untranslated.length,
    page: n,
    pages: unit.pages,
    pageLabel,
    first: n > 1 ? link(1) : '',
    previous: n > 1 ? link(n - 1) : '',
    next: n < unit.pages ? link(n + 1) : '',
    sourceLang,
    sourceLanguageName: wordsFor(sourceLang, context).languageName,
  };
}

/** How a unit page lists a procedure: its own language's version, or the original standing in. */
function entryView(lang: string, root: string, context: RenderContext) {
  const words = wordsFor(lang, context);
  return (shown: Procedure) => {
    const status = shown.translation?.status;
    return {
      href: `${root}${procedureDir(shown)}/`,
      title: shown.meta.title,
      summary: shown.meta.summary,
      /** Language of the linked page: the source language when there is no translation. */
      lang: shown.lang,
      /** True when a translation may be out of date (stale or never reviewed). */
      outdated: status === 'stale' || status === 'unmarked',
      /** "Not updated, version of …" when the document has errors now and this is its last good version. */
      notUpdated: context.notUpdated?.has(procedureDir(shown))
        ? words.terms.not_updated.replace('{date}', formatDate(shown.meta.updated, words))
        : '',
    };
  };
}
