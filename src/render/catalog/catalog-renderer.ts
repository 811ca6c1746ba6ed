// catalog.json and its parts: every procedure's facts, its whole content in reading order
// (the outline's blocks as JSON) and its edition paths, for web teams' own sites.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Procedure } from '../../model/types.js';
import { plainText } from '../../outline/plain-text.js';
import type { Block, ListItem, Outline } from '../../outline/types.js';
import { loadLexicon } from '../pictogram/lexicon-file.js';
import { pictogramFigures } from '../pictogram/plan.js';
import { procedureDir, type RenderContext, type Renderer, type SiteFidelity, sitePart } from '../types.js';

export const CATALOG_VERSION = 5;

/** Procedures per part file: a part's size is bounded, whatever the size of the corpus. */
export const CATALOG_PART_SIZE = 100;

/** The JSON Schema of both kinds of catalog file, published beside them (and in docs/). */
const SCHEMA_PATH = fileURLToPath(new URL('../../../templates/catalog/catalog.schema.json', import.meta.url));
export const CATALOG_SCHEMA_FILE = 'catalog.schema.json';

interface CatalogItem {
  text: string;
  subItems?: CatalogItem[];
}

/**
 * `catalog.json` is a small index of the languages and their parts; `catalog/<lang>/<n>.json`
 * holds at most CATALOG_PART_SIZE procedures of one language whole, in slug order, so no file
 * (nor the string it is made and read back as) grows with the corpus.
 */
export const catalogRenderer: Renderer = {
  id: 'catalog',
  siteRecords(procedure, context, outputs, facts = new Map(), fidelity) {
    return { catalog: catalogEntry(procedure, context, outputs, facts, fidelity) };
  },
  *renderSite(context, outputs, facts = new Map(), fidelity) {
    const { site } = context;
    const sourceLang = site.languages[0] ?? 'id';
    const bySlug = (a: Procedure, b: Procedure) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
    const originals = context.procedures.filter((procedure) => procedure.lang === sourceLang);
    const languages = site.languages.map((lang) => {
      const own = context.procedures.filter((procedure) => procedure.lang === lang).sort(bySlug);
      const slugs = new Set(own.map((procedure) => procedure.slug));
      const parts: Procedure[][] = [];
      for (let start = 0; start < own.length; start += CATALOG_PART_SIZE)
        parts.push(own.slice(start, start + CATALOG_PART_SIZE));
      return {
        lang,
        name: context.words.get(lang)?.languageName ?? lang,
        parts,
        /** Originals with no (valid) translation in this language: their pages stand in. */
        untranslated: originals
          .filter((original) => !slugs.has(original.slug))
          .map((original) => original.slug)
          .sort(),
      };
    });
    // The index needs only each part's members, so it comes first and the parts after it.
    yield {
      path: 'catalog.json',
      data: json({
        version: CATALOG_VERSION,
        kind: 'index',
        schema: CATALOG_SCHEMA_FILE,
        partSize: CATALOG_PART_SIZE,
        site: { name: site.name, shortName: site.shortName, url: site.url, sourceLanguage: sourceLang },
        languages: languages.map(({ lang, name, parts, untranslated }) => ({
          lang,
          name,
          procedures: parts.reduce((sum, members) => sum + members.length, 0),
          parts: parts.map((members, index) => ({
            file: partFile(lang, index + 1),
            procedures: members.length,
            first: members[0]?.slug ?? '',
            last: members.at(-1)?.slug ?? '',
          })),
          untranslated,
        })),
      }),
    };
    for (const { lang, name, parts } of languages) {
      for (const [index, members] of parts.entries()) {
        const header = { version: CATALOG_VERSION, kind: 'part', lang, name, part: index + 1, parts: parts.length };
        // Made into text part by part (only one part's entries are held at a time), and only
        // when one of its members or its header changed: otherwise the last build's file stays.
        yield sitePart(partFile(lang, index + 1), members, JSON.stringify(header), () =>
          json({
            version: CATALOG_VERSION,
            kind: 'part',
            schema: `../../${CATALOG_SCHEMA_FILE}`,
            lang,
            name,
            part: index + 1,
            parts: parts.length,
            procedures: members.map((procedure) => {
              const make = () => catalogEntry(procedure, context, outputs, facts, fidelity);
              // Kept between builds while the procedure and its files are unchanged (no outline made).
              return context.siteRecord ? context.siteRecord(procedure, 'catalog', make) : make();
            }),
          }),
        );
      }
    }
    yield { path: CATALOG_SCHEMA_FILE, data: readFileSync(SCHEMA_PATH, 'utf8') };
  },
};

type Shared = Parameters<typeof entry>[4];
/** What every entry looks up (what verify found, the language versions), made once per build. */
const sharedOf = new WeakMap<RenderContext, Shared>();

/** A procedure's entry in its part, as plain data. */
function catalogEntry(
  procedure: Procedure,
  context: RenderContext,
  outputs: ReadonlyMap<string, readonly string[]>,
  facts: ReadonlyMap<string, Readonly<Record<string, number>>>,
  fidelity: SiteFidelity | undefined,
) {
  let shared = sharedOf.get(context);
  if (!shared) {
    // Looked up by procedure, not searched for each one: the catalog grows with the corpus.
    const verified = new Map(fidelity?.procedures.map((found) => [procedureDir(found.procedure), found.results]));
    const versions = new Map<string, Procedure[]>();
    for (const other of context.procedures) versions.set(other.slug, [...(versions.get(other.slug) ?? []), other]);
    shared = { verified, versions };
    sharedOf.set(context, shared);
  }
  return plain({
    ...entry(procedure, context, outputs.get(procedureDir(procedure)) ?? [], facts, shared),
    /** True when the document has errors now and this is its last good version. */
    notUpdated: context.notUpdated?.has(procedureDir(procedure)) ?? false,
    translation: procedure.translation
      ? {
          of: procedure.translation.sourceLang,
          status: procedure.translation.status,
          changed: procedure.translation.changed,
        }
      : null,
  });
}

/** Part `n` (from 1) of a language's procedures. */
export const partFile = (lang: string, n: number) => `catalog/${lang}/${n}.json`;

/** Positions point into source files web teams do not have; a writer's picture choice is the sheet's business. */
const published = (key: string, value: unknown) => (key === 'position' || key === 'pictogram' ? undefined : value);

function json(data: object): string {
  return `${JSON.stringify(data, published, 2)}\n`;
}

/** An entry as the catalog file holds it: plain data, without what it leaves out. */
function plain<T extends object>(data: T): T {
  return JSON.parse(JSON.stringify(data, published)) as T;
}

function entry(
  procedure: Procedure,
  context: RenderContext,
  paths: readonly string[],
  facts: ReadonlyMap<string, Readonly<Record<string, number>>>,
  shared: {
    verified: ReadonlyMap<string, SiteFidelity['procedures'][number]['results']>;
    versions: ReadonlyMap<string, readonly Procedure[]>;
  },
) {
  const outline = context.outline(procedure);
  const dir = procedureDir(procedure);
  const audioDuration = paths.map((path) => facts.get(path)?.durationSeconds).find((value) => value !== undefined);
  const section = (kind: string) => outline.sections.find((candidate) => candidate.kind === kind);
  const verified = shared.verified.get(dir);
  const pictures = pictogramFigures(outline, loadLexicon());
  return {
    slug: outline.slug,
    lang: outline.lang,
    title: outline.title.text,
    summary: outline.summary.text,
    unit: outline.unit?.text ?? null,
    updated: outline.updated.iso,
    url: outline.url,
    duration: fact(outline, 'duration'),
    cost: fact(outline, 'cost'),
    product: fact(outline, 'product'),
    requirements: (section('requirements')?.list?.items ?? []).map(catalogItem),
    steps: (section('steps')?.list?.items ?? []).map(catalogItem),
    /** Share of requirements and steps with a picture on the picture-language sheet (0..1). */
    pictogramCoverage: pictures.coverage,
    /** Requirements and steps whose picture is specific, generic (a blank document) or missing. */
    pictogramMatches: pictures.split,
    complaints: sectionLines(section('complaints')?.blocks ?? []),
    /** The whole procedure in reading order, as the outline's blocks (docs/architecture.md, "catalog.json"). */
    notice: outline.notice ? { text: outline.notice.text, original: outline.notice.originalUrl } : null,
    introduction: outline.introduction,
    sections: outline.sections.map(({ id, kind, title, origin, blocks }) => ({ id, kind, title, origin, blocks })),
    notes: outline.notes,
    translations: (shared.versions.get(procedure.slug) ?? [])
      .filter((other) => other.slug === procedure.slug && other.lang !== procedure.lang)
      .map((other) => ({ lang: other.lang, path: `${procedureDir(other)}/index.html` })),
    /** Length of the spoken edition in seconds, when there is one. */
    audioDurationSeconds: audioDuration ?? null,
    /** Each edition file with its size, when the build reported one (the `bytes` fact). */
    editions: Object.fromEntries(
      [...paths].sort().map((path) => [path.slice(dir.length + 1), { path, bytes: facts.get(path)?.bytes ?? null }]),
    ),
    /** What `pelita verify` found in each edition: texts of the outline found / expected. */
    fidelity: verified
      ? Object.fromEntries(
          verified.map((result) => [result.edition, { found: result.found, expected: result.expected }]),
        )
      : null,
  };
}

function fact(outline: Outline, id: 'duration' | 'cost' | 'product'): string {
  return outline.facts.find((candidate) => candidate.id === id)?.value ?? '';
}

function catalogItem(item: ListItem): CatalogItem {
  const text = plainText(item.content, { links: 'text' });
  const subItems = item.blocks.flatMap((block) => (block.type === 'list' ? block.items.map(catalogItem) : []));
  return subItems.length > 0 ? { text, subItems } : { text };
}

/** A section as lines: each list item, or each paragraph. */
function sectionLines(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) =>
    block.type === 'list'
      ? block.items.map((item) => plainText(item.content, { links: 'text' }))
      : block.type === 'paragraph'
        ? [plainText(block.children, { links: 'text' })]
        : [],
  );
}
