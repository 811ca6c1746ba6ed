// What a build is given: the folders, the editions, what to tell while it works.
import type { VFile } from 'vfile';
import type { EditionId } from '../render/registry.js';
import type { RenderSettings } from '../render/settings.js';
import type { Shard } from './shard.js';

export interface Folders {
  contentDir: string;
  /** Templates, words and resources; Pelita's own by default. */
  templatesDir?: string;
}

/** What a build tells while it works, so the command line can show messages as they are found. */
export interface BuildObserver {
  /** The documents are checked; `total` of them will be reported. */
  started?(total: number): void;
  /** A renderer begins on a document. */
  editionStarted?(source: string, edition: string): void;
  /** A file's messages are complete (site.yaml and words files first, then each document, with its source). */
  fileDone?(file: VFile, source?: string): void;
  /** A document is parsed and checked now (not kept from the last build: its inputs changed). */
  documentChecked?(source: string): void;
  /** A site renderer (index, catalog, sitemap, search…) makes its files now. */
  siteStarted?(renderer: string): void;
  /**
   * A stage of the build is over (for measuring where memory goes, scripts/bench-scale.ts
   * `--phases`): `checked` (every document), `written` (every procedure), `verified`,
   * `records-made` (the site records not kept), `site:<renderer>` (each site renderer that
   * ran), `records` (site records serialised), `catalog-verified`, `committed`.
   */
  phase?(name: string): void;
}

export interface BuildOptions extends Folders {
  /** Where to write; without it, render everything but write nothing (`pelita check`). */
  outDir?: string;
  /** Folder that message paths are relative to. */
  cwd?: string;
  settings?: Partial<RenderSettings>;
  /** Editions to make (default: all); the others keep their files from the last build. */
  editions?: readonly EditionId[];
  /** Documents (`<lang>/<slug>.md`) to render; the others keep their files (preview). Default: all. */
  only?: ReadonlySet<string>;
  observer?: BuildObserver;
  /** Build into a folder that is not (yet) Pelita's, replacing files in the way. */
  force?: boolean;
  /** Stops the build between procedures (Ctrl-C): what is written stays whole. */
  signal?: AbortSignal;
  /** Read every edition written or reused now back and check it carries the whole outline (default true). */
  verify?: boolean;
  /**
   * Builds only this shard's procedures, and no site files (`pelita merge` makes those from
   * every shard's folder).
   */
  shard?: Shard;
}
