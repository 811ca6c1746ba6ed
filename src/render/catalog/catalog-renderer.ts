// catalog.json: every procedure's facts and edition paths, for web teams' own sites.
import type { ListItem, PhrasingContent, RootContent } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import type { Item, Procedure, Section } from '../../model/types.js';
import { pictogramCoverage } from '../pictogram/plan.js';
import { loadLexicon } from '../pictogram/resources.js';
import { procedureDir, type RenderContext, type Renderer } from '../types.js';

export const CATALOG_VERSION = 2;

interface CatalogItem {
  text: string;
  subItems?: CatalogItem[];
}

export const catalogRenderer: Renderer = {
  id: 'catalog',
  renderSite(context, outputs, facts = new Map()) {
    const { site } = context;
    const sourceLang = site.languages[0];
    const bySlug = (a: Procedure, b: Procedure) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
    const originals = context.procedures.filter((procedure) => procedure.lang === sourceLang);
    const catalog = {
      version: CATALOG_VERSION,
      site: { name: site.name, shortName: site.shortName, url: site.url, sourceLanguage: sourceLang },
      languages: site.languages.map((lang) => {
        const own = context.procedures.filter((procedure) => procedure.lang === lang).sort(bySlug);
        return {
          lang,
          name: context.words.get(lang)?.languageName ?? lang,
          procedures: own.map((procedure) => ({
            ...entry(procedure, context, outputs.get(procedureDir(procedure)) ?? [], facts),
            /** True when the document has errors now and this is its last good version. */
            notUpdated: context.notUpdated?.has(procedureDir(procedure)) ?? false,
            translation: procedure.translation
              ? {
                  of: procedure.translation.sourceLang,
                  status: procedure.translation.status,
                  changed: procedure.translation.changed,
                }
              : null,
          })),
          /** Originals with no (valid) translation in this language: their pages stand in. */
          untranslated: originals
            .filter((original) => !own.some((procedure) => procedure.slug === original.slug))
            .map((original) => original.slug)
            .sort(),
        };
      }),
    };
    return [{ path: 'catalog.json', data: `${JSON.stringify(catalog, null, 2)}\n` }];
  },
};

function entry(
  procedure: Procedure,
  context: RenderContext,
  paths: readonly string[],
  facts: ReadonlyMap<string, Readonly<Record<string, number>>>,
) {
  const { meta } = procedure;
  const dir = procedureDir(procedure);
  const audioDuration = paths.map((path) => facts.get(path)?.durationSeconds).find((value) => value !== undefined);
  return {
    slug: procedure.slug,
    lang: procedure.lang,
    title: meta.title,
    summary: meta.summary,
    unit: meta.unit ?? null,
    updated: meta.updated,
    url: `${context.site.url}${dir}/index.html`,
    duration: meta.duration,
    cost: meta.cost,
    product: meta.product,
    requirements: procedure.requirements.items.map(catalogItem),
    steps: procedure.steps.items.map(catalogItem),
    /** Share of requirements and steps with a picture on the picture-language sheet (0..1). */
    pictogramCoverage: pictogramCoverage(procedure, loadLexicon()),
    complaints: procedure.complaints ? sectionLines(procedure.complaints) : context.site.complaints.map(phrasingText),
    translations: context.procedures
      .filter((other) => other.slug === procedure.slug && other.lang !== procedure.lang)
      .map((other) => ({ lang: other.lang, path: `${procedureDir(other)}/index.html` })),
    /** Length of the spoken edition in seconds, when there is one. */
    audioDurationSeconds: audioDuration ?? null,
    editions: Object.fromEntries([...paths].sort().map((path) => [path.slice(dir.length + 1), path])),
  };
}

function catalogItem(item: Item): CatalogItem {
  const text = phrasingText(item.content);
  return item.subItems.length > 0 ? { text, subItems: item.subItems.map(catalogItem) } : { text };
}

/** A section as lines: each list item, or each paragraph. */
function sectionLines(section: Section): string[] {
  return section.blocks.flatMap((block: RootContent) =>
    block.type === 'list' ? block.children.map((item: ListItem) => plainText(item.children[0])) : [plainText(block)],
  );
}

function phrasingText(nodes: PhrasingContent[]): string {
  return plainText({ type: 'paragraph', children: nodes });
}
