// A validated draft → the typed Procedure every renderer reads.
import GithubSlugger from 'github-slugger';
import type { List, ListItem } from 'mdast';
import { definitions } from 'mdast-util-definitions';
import { type Draft, frontMatterData, frontMatterPlace } from './draft.js';
import { findItemAttributes, withoutItemAttributes } from './pictogram-attribute.js';
import { type SanitiseContext, sanitiseBlocks } from './sanitise.js';
import type { RawSection } from './sections.js';
import {
  type Item,
  type ListSection,
  type Meta,
  type MetaKey,
  OPTIONAL_KEYS,
  type Procedure,
  REQUIRED_KEYS,
  type Section,
  type SectionKind,
} from './types.js';

const SECTION_IDS: Record<SectionKind, string> = {
  requirements: 'requirements',
  steps: 'steps',
  legalBasis: 'legal-basis',
  complaints: 'complaints',
  notes: 'notes',
};

/** Call only for drafts with no errors: required keys and sections are then present. */
export function toProcedure(draft: Draft): Procedure {
  const data = frontMatterData(draft) ?? {};
  const text = (key: MetaKey) => (data[key] === undefined || data[key] === null ? undefined : String(data[key]).trim());
  const meta = Object.fromEntries(
    [...REQUIRED_KEYS, ...OPTIONAL_KEYS].flatMap((key) => {
      const value = text(key);
      return value === undefined ? [] : [[key, value]];
    }),
  ) as unknown as Meta;
  const metaPositions: Procedure['metaPositions'] = {};
  for (const key of [...REQUIRED_KEYS, ...OPTIONAL_KEYS]) {
    const place = frontMatterPlace(draft, key);
    if (place && 'start' in place) metaPositions[key] = place;
  }

  const definition = definitions(draft.root);
  const slugger = new GithubSlugger();
  for (const id of Object.values(SECTION_IDS)) slugger.slug(id);
  const sections = draft.sections.map((raw) => toSection(raw, slugger, { definition, source: draft.text }));
  const find = (kind: SectionKind) => sections.find((section) => section.kind === kind);
  const requirements = find('requirements');
  const steps = find('steps');
  if (!requirements || !steps) throw new Error(`${draft.source}: toProcedure called on a draft with errors`);

  return {
    slug: draft.slug,
    lang: draft.lang,
    source: draft.source,
    meta,
    metaPositions,
    introduction: sanitiseBlocks(draft.introduction, { definition, source: draft.text }),
    requirements: toListSection(requirements),
    steps: toListSection(steps),
    legalBasis: find('legalBasis'),
    complaints: find('complaints'),
    notes: find('notes'),
    freeSections: sections.filter((section) => section.kind === 'free'),
  };
}

function toSection(raw: RawSection, slugger: GithubSlugger, sanitise: SanitiseContext): Section {
  const start = raw.headingNode.position?.start;
  const end = raw.blocks.at(-1)?.position?.end ?? raw.headingNode.position?.end;
  return {
    kind: raw.kind,
    heading: raw.heading,
    id: raw.kind === 'free' ? slugger.slug(raw.heading) : SECTION_IDS[raw.kind],
    blocks: sanitiseBlocks(raw.blocks, sanitise),
    position: start && end ? { start, end } : undefined,
  };
}

function toListSection(section: Section): ListSection {
  const index = section.blocks.findIndex((block) => block.type === 'list');
  const list = section.blocks[index] as List;
  const cleanList = withoutAttributes(list);
  return {
    ...section,
    blocks: section.blocks.map((block, i) => (i === index ? cleanList : block)),
    before: section.blocks.slice(0, index),
    items: list.children.map(toItem),
    after: section.blocks.slice(index + 1),
  };
}

/** The list with every item's `{pictogram=… caption="…"}` cut, so renderers that read `blocks` never show it. */
function withoutAttributes(list: List): List {
  return {
    ...list,
    children: list.children.map((item) => ({
      ...item,
      children: item.children.map((child, i) =>
        i === 0 && child.type === 'paragraph'
          ? { ...child, children: withoutItemAttributes(child.children) }
          : child.type === 'list'
            ? withoutAttributes(child)
            : child,
      ),
    })),
  };
}

function toItem(node: ListItem): Item {
  const [first, ...rest] = node.children;
  const hasText = first?.type === 'paragraph';
  const blocks = hasText ? rest : node.children;
  const attributes = hasText ? findItemAttributes(first.children) : undefined;
  const pictogram = attributes?.pictogram;
  const caption = attributes?.caption;
  return {
    content: hasText ? withoutItemAttributes(first.children) : [],
    details: blocks.filter((block) => block.type !== 'list'),
    subItems: blocks.flatMap((block) => (block.type === 'list' ? block.children.map(toItem) : [])),
    position: node.position,
    ...(pictogram ? { pictogram } : {}),
    ...(caption ? { caption } : {}),
  };
}
