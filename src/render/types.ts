// What every renderer receives and returns. Renderers are pure: no file system,
// no clock, no environment; the pipeline does all I/O.
import type { Point, Position } from 'unist';
import type { Term } from '../i18n/terms.js';
import type { Words } from '../i18n/words.js';
import type { Site } from '../model/site.js';
import type { Procedure } from '../model/types.js';
import type { Outline } from '../outline/types.js';
import type { RenderSettings } from './settings.js';

/** A file to write, relative to the output folder, `/`-separated. */
export interface Artifact {
  path: string;
  data: string | Uint8Array;
  /** Numbers about the file that site renderers may list (e.g. `durationSeconds` of audio). */
  facts?: Readonly<Record<string, number>>;
}

/** Renders a named template (from templates/) with data; HTML-escapes by default. */
export type RenderTemplate = (name: string, data: object) => string;

export interface RenderContext {
  site: Site;
  /** Words per language; every site language has an entry. */
  words: ReadonlyMap<string, Words>;
  renderTemplate: RenderTemplate;
  /** Every procedure that built, for links between language versions and the index. */
  procedures: readonly Procedure[];
  /** The outline of a procedure (made once per build): what its editions say. */
  outline(procedure: Procedure): Outline;
  /** Static files from templates/html/assets, by file name, copied to `assets/`. */
  assets: ReadonlyMap<string, string>;
  /**
   * `<lang>/<slug>` of procedures that have errors now and are shown as they last built:
   * the index and catalog mark them "not updated".
   */
  notUpdated?: ReadonlySet<string>;
  /** The edition files every renderer declares, in registry order (the HTML page links them). */
  editions: readonly EditionFile[];
  settings: RenderSettings;
  /**
   * A procedure's share of the site files (its catalog entry, its search document…), kept
   * between builds by the pipeline while nothing it is made from changed (the procedure, its
   * files and what verify found in them, its other language versions, the templates): then
   * `compute` does not run and the procedure's outline is not made. Values are plain JSON
   * data. Absent (a renderer run alone): always computed.
   */
  siteRecord?<T>(procedure: Pick<Procedure, 'lang' | 'slug'>, name: string, compute: () => T): T;
}

/** A file a renderer makes for each procedure and wants linked from its page. */
export interface EditionFile {
  /** File name inside `<lang>/<slug>/`, e.g. `leaflet.pdf`. */
  file: string;
  /** The UI term that names it, e.g. `edition_leaflet`. */
  term: Term;
  /** Media type, e.g. `application/pdf`. */
  type: string;
}

/** What a renderer gets besides the procedure: what ran before it, and a way to warn. */
export interface ProcedureRun {
  /** Files that renderers earlier in the registry made for this procedure. */
  earlier: readonly Artifact[];
  /**
   * Records a warning on the procedure's source file (renderers never throw on content).
   * With `params`, the message `ruleId` of templates/i18n/messages/ is shown in the reader's
   * language with them, and `reason` only where that message is missing.
   */
  warn(
    reason: string,
    place: Position | Point | undefined,
    ruleId: string,
    params?: Readonly<Record<string, string | number>>,
  ): void;
}

export interface Renderer {
  id: string;
  /** Files of this renderer that the HTML page links. */
  editions?: readonly EditionFile[];
  /** Files for one procedure, under `<lang>/<slug>/`. */
  renderProcedure?(outline: Outline, context: RenderContext, run: ProcedureRun): Artifact[] | Promise<Artifact[]>;
  /**
   * For slow renderers: a text that changes whenever this renderer's files for the procedure
   * would change (content they use, settings, format version). When it matches the key of the
   * files already in the output folder, the pipeline reuses them instead of rendering.
   */
  cacheKey?(outline: Outline, context: RenderContext): string | undefined | Promise<string | undefined>;
  /**
   * Files for the whole site (index, catalog, assets). `outputs` holds the paths each
   * procedure's renderers produced, keyed by `<lang>/<slug>`; `facts` the facts of those
   * files that have some, keyed by path. May be a generator: the pipeline writes each file as
   * it is made and lets it go, so a site of many parts is never held whole. A file made from
   * a known few procedures is a `SitePart` (see `sitePart`): kept from the last build while
   * none of them changed, so one edit remakes one part, not the whole site.
   */
  renderSite?(
    context: RenderContext,
    outputs: ReadonlyMap<string, readonly string[]>,
    facts?: ReadonlyMap<string, Readonly<Record<string, number>>>,
    fidelity?: SiteFidelity,
  ): Iterable<Artifact>;
  /**
   * A procedure's share of this renderer's site files, by record name (its catalog entry, its
   * search document), as plain data. The pipeline makes every renderer's records of a procedure
   * in one go, before renderSite runs, so the procedure is read and its outline made once;
   * renderSite asks for them with `context.siteRecord(procedure, name, …)`.
   */
  siteRecords?(
    procedure: Procedure,
    context: RenderContext,
    outputs: ReadonlyMap<string, readonly string[]>,
    facts?: ReadonlyMap<string, Readonly<Record<string, number>>>,
    fidelity?: SiteFidelity,
  ): Record<string, unknown>;
}

/**
 * A site file made only from its members' site records and `key` (a catalog part, a search
 * part). Its data is made when first read: the pipeline keeps the last build's file instead,
 * without reading it, while neither `key` nor anything its members' records are made from
 * changed.
 */
export interface SitePart extends Artifact {
  members: readonly Pick<Procedure, 'lang' | 'slug'>[];
  /** What the file is made from besides its members' records (its number, the part count…). */
  key: string;
}

export function sitePart(
  path: string,
  members: readonly Pick<Procedure, 'lang' | 'slug'>[],
  key: string,
  make: () => string,
): SitePart {
  let data: string | undefined;
  return {
    path,
    members,
    key,
    get data() {
      data ??= make();
      return data;
    },
  };
}

export function isSitePart(artifact: Artifact): artifact is SitePart {
  return 'members' in artifact && 'key' in artifact;
}

/** What `verify` found per procedure (`<lang>/<slug>`): per edition, texts found of those expected. */
export interface SiteFidelity {
  procedures: readonly {
    procedure: Pick<Procedure, 'lang' | 'slug'>;
    results: readonly { edition: string; found: number; expected: number }[];
  }[];
}

export function procedureDir(procedure: Pick<Procedure, 'lang' | 'slug'>): string {
  return `${procedure.lang}/${procedure.slug}`;
}
