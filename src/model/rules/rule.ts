import type { Draft } from '../draft.js';
import type { HeadingMap } from '../sections.js';
import type { Site } from '../site.js';
import type { Digest } from '../source-digest.js';
import type { Procedure } from '../types.js';

export interface RuleContext {
  site: Site;
  /** How messages name site.yaml (it follows `--content`). */
  sitePath?: string;
  /** Slugs that exist in the source language, for checking translations. */
  sourceSlugs: ReadonlySet<string>;
  /** Heading texts that name each section in the document's language. */
  headings: HeadingMap;
  /** Concept ids of the pictogram lexicon, for `{pictogram=ID}`; without it they are not checked. */
  pictogramIds?: ReadonlySet<string>;
  /** Valid source-language procedures by slug (filled before translations are checked). */
  sources: ReadonlyMap<string, SourceInfo>;
}

export interface SourceInfo {
  procedure: Procedure;
  /** How messages name the original's file. */
  path: string;
  digest: Digest;
}

/** A validation rule reads a draft and reports messages on its file; it changes nothing. */
export type Rule = (draft: Draft, context: RuleContext) => void;
