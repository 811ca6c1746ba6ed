// Search on a static host: prebuilt MiniSearch indexes per language, in parts of at most
// SEARCH_PART_SIZE procedures listed by `search/<lang>.js`, written as scripts so they load
// even from file:// where fetch() is refused. Each word is
// indexed as written and as its stem (Sastrawi for Indonesian, the lexicon's affixes for
// Javanese), so "cuti" finds "mengambil cuti" and "ambil" finds "mengambil" with no stemmer
// in the browser. Pure: the same procedures give the same bytes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import MiniSearch from 'minisearch';
import type { Procedure } from '../../model/types.js';
import { type BlockHandlers, renderBlock } from '../../outline/handlers.js';
import { plainText } from '../../outline/plain-text.js';
import type { Block, Inline, Outline } from '../../outline/types.js';
import { loadLexicon } from '../pictogram/lexicon-file.js';
import { stemmerFor } from '../pictogram/stem.js';
import { procedureDir, type RenderContext, type Renderer, sitePart } from '../types.js';

/** The options the browser loads the index with (assets/pelita-search.js repeats them). */
export const SEARCH_FIELDS = ['title', 'summary', 'unit', 'body'];
export const SEARCH_STORE = ['title', 'summary', 'href'];

const require = createRequire(import.meta.url);

/**
 * Procedures per part: one edit makes one part's index again (a MiniSearch of 100 documents
 * takes ≈ 0.1 s, of a whole language's thousands seconds), and the browser searches the
 * parts one after the other, as fast as one index of them all (docs/benchmarks.md).
 */
export const SEARCH_PART_SIZE = 100;

/** The script that lists a language's parts, and each part's script (`n` from 1). */
export const searchListFile = (lang: string) => `search/${lang}.js`;
export const searchPartFile = (lang: string, n: number) => `search/${lang}/${n}.js`;

export const searchRenderer: Renderer = {
  id: 'search',
  siteRecords: (procedure, context) => ({ search: searchDocument(procedure, context) }),
  *renderSite(context) {
    const languages = context.site.languages.filter((lang) =>
      context.procedures.some((procedure) => procedure.lang === lang),
    );
    for (const lang of languages) {
      const procedures = context.procedures
        .filter((procedure) => procedure.lang === lang)
        .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
      const parts = Math.ceil(procedures.length / SEARCH_PART_SIZE);
      yield { path: searchListFile(lang), data: script(lang, JSON.stringify({ parts })) };
      const stem = stemmerFor(lang, loadLexicon());
      for (let part = 1; part <= parts; part++) {
        const members = procedures.slice((part - 1) * SEARCH_PART_SIZE, part * SEARCH_PART_SIZE);
        // Made, given to the pipeline to write and let go, only when one of its members changed.
        yield sitePart(searchPartFile(lang, part), members, JSON.stringify({ lang, part }), () => {
          const index = new MiniSearch({
            fields: SEARCH_FIELDS,
            storeFields: SEARCH_STORE,
            processTerm: (term) => {
              const lower = term.toLowerCase();
              const stemmed = stem(lower);
              return stemmed && stemmed !== lower ? [lower, stemmed] : lower;
            },
          });
          index.addAll(
            members.map((procedure) => {
              const make = () => searchDocument(procedure, context);
              // Kept between builds while the procedure is unchanged (no outline made).
              return context.siteRecord ? context.siteRecord(procedure, 'search', make) : make();
            }),
          );
          return script(`${lang}/${part}`, JSON.stringify(index));
        });
      }
    }
    // The library itself, as its authors publish it for browsers (MIT).
    // (Its package "exports" hide the file, so it is found beside the package's own entry point.)
    const library = readFileSync(join(dirname(require.resolve('minisearch')), '../umd/index.js'), 'utf8');
    yield { path: 'assets/minisearch.js', data: library };
  },
};

/** A script that sets `window.PelitaSearch[name]` (scripts load from file://, where fetch() is refused). */
function script(name: string, json: string): string {
  return `window.PelitaSearch=window.PelitaSearch||{};window.PelitaSearch[${JSON.stringify(name)}]=${json.replace(/</g, '\\u003c')};\n`;
}

/** What the index holds of a procedure. */
function searchDocument(procedure: Procedure, context: RenderContext) {
  const outline = context.outline(procedure);
  return {
    id: procedureDir(outline),
    title: outline.title.text,
    summary: outline.summary.text,
    unit: outline.unit?.text ?? '',
    body: bodyText(outline),
    href: `${procedureDir(outline)}/`,
  };
}

/** Every text of the procedure's sections, introduction and notes, as one string. */
function bodyText(outline: Outline): string {
  const blocks = [
    ...outline.introduction,
    ...outline.sections.flatMap((section) => section.blocks),
    ...outline.notes.flatMap((note) => note.blocks),
  ];
  return [
    ...outline.facts.map((fact) => fact.value),
    ...outline.sections.map((section) => section.title),
    ...blocks.flatMap(blockTexts),
  ].join(' ');
}

const inline = (nodes: Inline[]) => plainText(nodes, { links: 'text' });

const blockHandlers: BlockHandlers<string[]> = {
  paragraph: (node) => [inline(node.children)],
  subheading: (node) => [inline(node.content)],
  list: (node) => node.items.flatMap((item) => [inline(item.content), ...item.blocks.flatMap(blockTexts)]),
  table: (node) => [...node.header, ...node.rows.flat()].map((cell) => inline(cell.content)),
  quote: (node) => node.children.flatMap(blockTexts),
  preformatted: (node) => node.lines,
};

function blockTexts(block: Block): string[] {
  return renderBlock(block, blockHandlers, undefined);
}
