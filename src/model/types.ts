// The one model every renderer reads. Rich text stays as mdast nodes (a typed,
// positioned AST, like pandoc's), but sanitised: raw HTML is never kept.
import type { PhrasingContent, RootContent } from 'mdast';
import type { Position } from 'unist';
import type { PictogramChoice } from './pictogram-attribute.js';

export const SECTION_KINDS = ['requirements', 'steps', 'legalBasis', 'complaints', 'notes'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/** Front-matter keys of the content contract (UU 25/2009 art. 21 components). */
export const REQUIRED_KEYS = ['title', 'summary', 'duration', 'cost', 'product', 'updated'] as const;
export const OPTIONAL_KEYS = ['unit', 'source'] as const;
export type MetaKey = (typeof REQUIRED_KEYS)[number] | (typeof OPTIONAL_KEYS)[number];

export interface Meta {
  title: string;
  summary: string;
  duration: string;
  cost: string;
  product: string;
  /** ISO date `YYYY-MM-DD` of the last review. */
  updated: string;
  unit?: string;
  /** In a translation: the digest of the source version it translates (see source-digest.ts). */
  source?: string;
}

/** One requirement or one step: its own text, any further blocks, and its sub-points. */
export interface Item {
  content: PhrasingContent[];
  details: RootContent[];
  subItems: Item[];
  position?: Position;
  /** The writer's `{pictogram=ID}` (or `none`) at the end of the text, cut from `content`. */
  pictogram?: PictogramChoice;
  /** The writer's `{caption="…"}`: a short caption for the picture-language sheet. */
  caption?: string;
}

/** A level-2 section of the body. */
export interface Section {
  kind: SectionKind | 'free';
  /** The heading as the writer wrote it. */
  heading: string;
  /** Slug of the heading, unique within the document (for anchors). */
  id: string;
  /** Every block under the heading, in source order. */
  blocks: RootContent[];
  position?: Position;
}

/** A section whose first list is its meaning: requirements and steps. */
export interface ListSection extends Section {
  /** Blocks before the list. */
  before: RootContent[];
  items: Item[];
  /** Blocks after the list. */
  after: RootContent[];
}

export interface Procedure {
  slug: string;
  lang: string;
  /** Path of the source file relative to the content folder, with `/` separators. */
  source: string;
  meta: Meta;
  metaPositions: Partial<Record<MetaKey, Position>>;
  introduction: RootContent[];
  requirements: ListSection;
  steps: ListSection;
  legalBasis?: Section;
  complaints?: Section;
  notes?: Section;
  /** Sections with headings the contract does not name, in source order. */
  freeSections: Section[];
  /** Present on translations: how they stand against their source-language original. */
  translation?: TranslationState;
}

export interface TranslationState {
  /** Language of the original. */
  sourceLang: string;
  /** `current`: reviewed against this source version; `stale`: the source changed since;
   * `unmarked`: never marked as reviewed. */
  status: 'current' | 'stale' | 'unmarked';
  /** Parts of the source that changed since the review (for `stale`). */
  changed: DigestPart[];
}

/** The parts of a procedure whose changes make a translation stale, in order. */
export const DIGEST_PARTS = [
  'facts',
  'introduction',
  'requirements',
  'steps',
  'complaints',
  'legalBasis',
  'notes',
  'otherSections',
] as const;
export type DigestPart = (typeof DIGEST_PARTS)[number];
