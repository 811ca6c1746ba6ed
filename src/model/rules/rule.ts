import type { Draft } from '../draft.js';
import type { HeadingMap } from '../sections.js';
import type { Site } from '../site.js';

export interface RuleContext {
  site: Site;
  /** Slugs that exist in the source language, for checking translations. */
  sourceSlugs: ReadonlySet<string>;
  /** Heading texts that name each section in the document's language. */
  headings: HeadingMap;
  /** Concept ids of the pictogram lexicon, for `{pictogram=ID}`; without it they are not checked. */
  pictogramIds?: ReadonlySet<string>;
}

/** A validation rule reads a draft and reports messages on its file; it changes nothing. */
export type Rule = (draft: Draft, context: RuleContext) => void;
