// The outline: what every edition says, in reading order, as a closed set of block and
// inline types (pandoc's one AST). Made once per procedure from the model, the site and
// the words; renderers read nothing else about the content.
import type { Position } from 'unist';
import type { PictogramChoice } from '../model/pictogram-attribute.js';
import type { SectionKind } from '../model/types.js';

interface Positioned {
  /** Where the node stands in the source file (absent for text Pelita supplies). */
  position?: Position;
}

export interface Text extends Positioned {
  type: 'text';
  value: string;
}
export interface Strong extends Positioned {
  type: 'strong';
  children: Inline[];
}
export interface Emphasis extends Positioned {
  type: 'emphasis';
  children: Inline[];
}
export interface Delete extends Positioned {
  type: 'delete';
  children: Inline[];
}
/** Only safe addresses reach the outline (the model reduced the others to their text). */
export interface Link extends Positioned {
  type: 'link';
  url: string;
  children: Inline[];
}
export interface Code extends Positioned {
  type: 'code';
  value: string;
}
export interface Break extends Positioned {
  type: 'break';
}
/** A phrase in another language, written `:id[…]` (the directive's name is the language). */
export interface Phrase extends Positioned {
  type: 'phrase';
  lang: string;
  children: Inline[];
}
/** A reference to footnote `number` of `Outline.notes`. */
export interface NoteRef extends Positioned {
  type: 'noteRef';
  number: number;
}
/** A picture inside text: editions carry its description, never the picture. */
export interface Image extends Positioned {
  type: 'image';
  alt: string;
}

export type Inline = Text | Strong | Emphasis | Delete | Link | Code | Break | Phrase | NoteRef | Image;

export interface Paragraph extends Positioned {
  type: 'paragraph';
  children: Inline[];
}
export interface ListItem extends Positioned {
  /** The item's own text (its first paragraph). */
  content: Inline[];
  /** Everything under it, in order: further paragraphs, sub-lists, tables… */
  blocks: Block[];
  /** The writer's `{pictogram=…}`, on requirements and steps. */
  pictogram?: PictogramChoice;
  /** The writer's `{caption="…"}`: a short caption for the picture-language sheet. */
  caption?: string;
}
export interface List extends Positioned {
  type: 'list';
  ordered: boolean;
  /** Number of the first item of an ordered list. */
  start: number;
  items: ListItem[];
}
export type Align = 'left' | 'right' | 'center' | null;
export interface Cell extends Positioned {
  content: Inline[];
}
export interface Table extends Positioned {
  type: 'table';
  align: Align[];
  /** Column headers (the first row). */
  header: Cell[];
  rows: Cell[][];
}
export interface Quote extends Positioned {
  type: 'quote';
  children: Block[];
}
/** A heading inside a section: level 1 is the first level under the section's title. */
export interface Subheading extends Positioned {
  type: 'subheading';
  level: number;
  content: Inline[];
}
/** Preformatted lines (a code block), kept line by line. */
export interface Preformatted extends Positioned {
  type: 'preformatted';
  lines: string[];
}

export type Block = Paragraph | List | Table | Quote | Subheading | Preformatted;

export interface Section extends Positioned {
  kind: SectionKind | 'free';
  /** Anchor, unique within the procedure. */
  id: string;
  /** The title every edition shows: the language's word for a known section, the writer's heading otherwise. */
  title: string;
  /** `site`: the office's default complaint channels stand in for a missing Pengaduan section. */
  origin: 'document' | 'site';
  blocks: Block[];
  /** Requirements and steps: the list that is the section's meaning (one of `blocks`). */
  list?: List;
}

/** A front-matter value with its label. */
export interface Fact extends Positioned {
  id: 'duration' | 'cost' | 'product';
  label: string;
  value: string;
}

export interface Line extends Positioned {
  text: string;
}

export interface Note extends Positioned {
  number: number;
  blocks: Block[];
}

/** On a translation that may not match its original. */
export interface TranslationNotice {
  text: string;
  linkText: string;
  /** The original's folder, `<lang>/<slug>`, and its web address. */
  originalDir: string;
  originalUrl: string;
  originalLang: string;
  originalLanguageName: string;
}

export interface Outline {
  lang: string;
  slug: string;
  /** Source file, relative to the content folder. */
  source: string;
  office: { name: string; contact: string };
  title: Line;
  summary: Line;
  unit?: Line & { label: string };
  facts: Fact[];
  notice?: TranslationNotice;
  introduction: Block[];
  /** In reading order: requirements, steps, free sections, complaints, legal basis, notes. */
  sections: Section[];
  /** Footnotes, numbered in order of their first reference. */
  notes: Note[];
  /** Title of the footnotes part. */
  notesTitle: string;
  updated: Line & { label: string; iso: string };
  /** The procedure's web page (the QR code and printed address). */
  url: string;
}
