// The site index as pages that stay small however large the corpus: one page per language
// listing its units, and per unit and language the unit's procedures, UNIT_PAGE_SIZE to a
// page. Worked out once per build from the procedures' front matter, with Map lookups, so in
// time linear in the number of procedures. The HTML index and the sitemap both read it.
import type { Procedure } from '../../model/types.js';
import { procedureDir, type RenderContext } from '../types.js';

/** Entries per unit page: a unit of thousands of services is a few dozen pages of 100. */
export const UNIT_PAGE_SIZE = 100;

/** A unit as one language's index lists it. */
export interface UnitListing {
  /** The unit as its originals name it ('' when they name none): the same in every language. */
  unit: string;
  /** Its address part, made from `unit`, so the same in every language. */
  slug: string;
  /** Its name in this language when a translation names it, else as its originals name it. */
  name: string;
  /** True when `name` is in the page's language (false: the source language's name stands in). */
  named: boolean;
  /** This language's procedures of the unit, in reading order. */
  own: Procedure[];
  /** Originals of the unit with no version in this language, in reading order. */
  untranslated: Procedure[];
  pages: number;
}

export interface LanguageListing {
  lang: string;
  units: UnitListing[];
  /** `unit` of each of `units`. */
  has: ReadonlySet<string>;
}

export interface SiteIndex {
  sourceLang: string;
  /** The source language, then every other site language that has procedures. */
  languages: LanguageListing[];
}

/** Where a language's index page is, relative to the output folder: the source language's at its top. */
export function languageIndexDir(lang: string, sourceLang: string): string {
  return lang === sourceLang ? '' : `${lang}/`;
}

/**
 * Page `page` (from 1) of a unit in a language, as a folder. Under `unit/` rather than the
 * language's folder, where `unit` could be a procedure's slug.
 */
export function unitPageDir(lang: string, slug: string, page = 1): string {
  return `unit/${lang}/${slug}/${page > 1 ? `${page}/` : ''}`;
}

/** The procedures listed on one page of a unit: its own first, then the untranslated. */
export function unitPageEntries(unit: UnitListing, page: number) {
  const start = (page - 1) * UNIT_PAGE_SIZE;
  const end = start + UNIT_PAGE_SIZE;
  return {
    own: unit.own.slice(start, end),
    untranslated: unit.untranslated.slice(Math.max(0, start - unit.own.length), Math.max(0, end - unit.own.length)),
  };
}

const made = new WeakMap<RenderContext, SiteIndex>();

/** The index of the context's procedures (made once per context, shared by the site renderers). */
export function siteIndex(context: RenderContext): SiteIndex {
  let index = made.get(context);
  if (!index) {
    index = makeIndex(context);
    made.set(context, index);
  }
  return index;
}

function makeIndex(context: RenderContext): SiteIndex {
  const sourceLang = context.site.languages[0] ?? 'id';
  const byLang = new Map<string, Procedure[]>();
  for (const procedure of context.procedures) {
    const same = byLang.get(procedure.lang);
    if (same) same.push(procedure);
    else byLang.set(procedure.lang, [procedure]);
  }
  const originals = byLang.get(sourceLang) ?? [];
  const originalBySlug = new Map(originals.map((original) => [original.slug, original]));
  /** A translation is listed under its original's unit, so every language has the same units. */
  const unitOf = (procedure: Procedure) => (originalBySlug.get(procedure.slug) ?? procedure).meta.unit ?? '';
  const languages = context.site.languages.filter((lang) => lang === sourceLang || byLang.has(lang));
  const listed = languages.map((lang) => {
    const own = byLang.get(lang) ?? [];
    const ownSlugs = new Set(own.map((procedure) => procedure.slug));
    const units = new Map<string, { own: Procedure[]; untranslated: Procedure[] }>();
    const unit = (name: string) => {
      let found = units.get(name);
      if (!found) {
        found = { own: [], untranslated: [] };
        units.set(name, found);
      }
      return found;
    };
    for (const procedure of own) unit(unitOf(procedure)).own.push(procedure);
    for (const original of originals)
      if (!ownSlugs.has(original.slug)) unit(original.meta.unit ?? '').untranslated.push(original);
    return { lang, units };
  });
  const slugs = unitSlugs(listed.flatMap(({ units }) => [...units.keys()]));
  return {
    sourceLang,
    languages: listed.map(({ lang, units }) => {
      const words = context.words.get(lang) ?? context.words.get(sourceLang);
      const listings = [...units].map(([unit, { own, untranslated }]): UnitListing => {
        const sortedOwn = inReadingOrder(own);
        // Named as a translation in this language names it, when one does.
        const translated = sortedOwn.find((procedure) => procedure.meta.unit)?.meta.unit ?? unit;
        return {
          unit,
          slug: slugs.get(unit) ?? 'unit',
          name: unit === '' ? (words?.terms.other_services ?? '') : translated,
          named: unit === '' || lang === sourceLang || translated !== unit,
          own: sortedOwn,
          untranslated: inReadingOrder(untranslated),
          pages: Math.max(1, Math.ceil((own.length + untranslated.length) / UNIT_PAGE_SIZE)),
        };
      });
      // By the name the reader sees; procedures that name no unit last.
      listings.sort((a, b) =>
        a.unit === '' ? 1 : b.unit === '' ? -1 : compareText(a.name, b.name) || compareText(a.slug, b.slug),
      );
      return { lang, units: listings, has: new Set(units.keys()) };
    }),
  };
}

/**
 * Each unit's address part: its name in lower-case ASCII letters, digits and hyphens (as a
 * procedure's slug), at most 60 characters. Names that give the same slug are told apart in
 * the order of their names: the first keeps it, the next get `-2`, `-3`…; procedures that
 * name no unit are `lainnya` ("others"), after every named unit.
 */
export function unitSlugs(units: Iterable<string>): Map<string, string> {
  const names = [...new Set(units)].sort((a, b) =>
    a === '' ? 1 : b === '' ? -1 : compareText(a, b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const taken = new Set<string>();
  const slugs = new Map<string, string>();
  for (const name of names) {
    const base = name === '' ? 'lainnya' : slugOf(name);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    slugs.set(name, slug);
  }
  return slugs;
}

function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'unit';
}

/** By title, then address: the order of every list of the index. */
function inReadingOrder(procedures: readonly Procedure[]): Procedure[] {
  return [...procedures].sort(
    (a, b) => compareText(a.meta.title, b.meta.title) || compareText(procedureDir(a), procedureDir(b)),
  );
}

/** Locale-independent, so output bytes never depend on the machine's ICU data. */
export function compareText(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}
