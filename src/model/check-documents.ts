// Source documents → validated procedures, each with its messages. Pure: the
// pipeline reads the bytes; this decides what builds.
import { VFile } from 'vfile';
import type { Words } from '../i18n/words.js';
import { decodeUtf8 } from '../parse/decode.js';
import { boundedDraft } from './bounded-draft.js';
import { hasErrors, reportError } from './report.js';
import { ALL_RULES } from './rules/all-rules.js';
import type { RuleContext, SourceInfo } from './rules/rule.js';
import { checkBytes } from './rules/too-large.js';
import type { HeadingMap } from './sections.js';
import { type Site, sourceLanguage } from './site.js';
import { changedParts, digestProcedure, parseDigest } from './source-digest.js';
import { toProcedure } from './to-procedure.js';
import type { Procedure, TranslationState } from './types.js';
import { SECTION_KINDS } from './types.js';

export interface SourceDocument {
  /** Path relative to the content folder, `/`-separated: `<lang>/<slug>.md`. */
  source: string;
  bytes: Uint8Array;
}

export interface CheckedDocument {
  source: string;
  file: VFile;
  /** Present only when the document has no errors. */
  procedure?: Procedure;
  /**
   * Whether the document has no errors, without reading its procedure (which may be kept
   * from an earlier build and read only when asked for). Absent: `procedure !== undefined`.
   */
  valid?: boolean;
}

/** Whether a checked document has no errors, without reading a kept procedure. */
export function isValid(doc: CheckedDocument): boolean {
  return doc.valid ?? doc.procedure !== undefined;
}

export interface CheckOptions {
  /** Documents checked by an earlier build whose inputs did not change, by source: used as they are. */
  cached?: ReadonlyMap<string, CheckedDocument>;
  /** Told of each document checked now. */
  onChecked?(source: string): void;
  /**
   * Given each document checked now once its check is complete (a translation's state set):
   * the caller may keep its procedure elsewhere, making `procedure` a getter, so the checked
   * procedures of a large corpus are not all held at once.
   */
  settle?(doc: CheckedDocument): void;
}

/**
 * @param displayPath how messages name a file, e.g. `content/id/cuti.md`.
 * @param pictogramIds concept ids of the pictogram lexicon, to check `{pictogram=ID}`.
 */
export function checkDocuments(
  documents: readonly SourceDocument[],
  site: Site,
  words: ReadonlyMap<string, Words>,
  displayPath: (source: string) => string = (source) => source,
  pictogramIds?: ReadonlySet<string>,
  options: CheckOptions = {},
): CheckedDocument[] {
  const sourceLang = sourceLanguage(site);
  const isOriginal = (doc: SourceDocument) => doc.source.startsWith(`${sourceLang}/`);
  const sorted = [...documents].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  const sourceSlugs = new Set(sorted.filter(isOriginal).map((doc) => slugOf(doc.source)));
  const sources = new Map<string, SourceInfo>();
  const sitePath = displayPath('site.yaml');
  const context = (headings: HeadingMap): RuleContext => ({
    site,
    sitePath,
    sourceSlugs,
    sources,
    headings,
    pictogramIds,
  });

  const { cached } = options;
  const checkNow = (doc: SourceDocument) => {
    options.onChecked?.(doc.source);
    return checkOne(doc, site, words, displayPath, context);
  };
  const settled = (checked: CheckedDocument) => {
    options.settle?.(checked);
    return checked;
  };
  // Originals first: translations are checked against them.
  const originals = sorted.filter(isOriginal).map((doc) => cached?.get(doc.source) ?? settled(checkNow(doc)));
  const originalOf = new Map(originals.map((checked) => [slugOf(checked.source), checked]));
  // Only the originals of translations checked now are read (a kept one from its record).
  const fresh = sorted.filter((doc) => !isOriginal(doc) && !cached?.has(doc.source));
  for (const doc of fresh) {
    const original = originalOf.get(slugOf(doc.source));
    const procedure = original && isValid(original) ? original.procedure : undefined;
    if (original && procedure && !sources.has(procedure.slug)) {
      // Asked of the original each time (it may be kept elsewhere once settled).
      sources.set(procedure.slug, {
        get procedure() {
          return original.procedure as Procedure;
        },
        path: original.file.path,
        digest: digestProcedure(procedure),
      });
    }
  }
  const translations = sorted
    .filter((doc) => !isOriginal(doc))
    .map((doc) => {
      const kept = cached?.get(doc.source);
      if (kept) return kept; // its procedure was kept with its state
      const checked = checkNow(doc);
      const source = checked.procedure && sources.get(checked.procedure.slug);
      if (checked.procedure && source)
        checked.procedure.translation = translationState(checked.procedure, source, sourceLang);
      return settled(checked);
    });
  return [...originals, ...translations].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

function checkOne(
  doc: SourceDocument,
  site: Site,
  words: ReadonlyMap<string, Words>,
  displayPath: (source: string) => string,
  context: (headings: HeadingMap) => RuleContext,
): CheckedDocument {
  const file = new VFile({ path: displayPath(doc.source) });
  if (!checkBytes(file, doc.bytes)) return { source: doc.source, file };
  const decoded = decodeUtf8(doc.bytes);
  if (!decoded.ok) {
    reportError(file, { id: 'invalid-utf8' }, { line: decoded.line, column: decoded.column }, 'invalid-utf8');
    return { source: doc.source, file };
  }
  const lang = doc.source.split('/')[0] ?? '';
  const headings = headingsFor(lang, site, words);
  const draft = boundedDraft(file, doc.source, decoded.text, headings);
  if (!draft) return { source: doc.source, file };
  for (const rule of ALL_RULES) rule(draft, context(headings));
  return hasErrors(file) ? { source: doc.source, file } : { source: doc.source, file, procedure: toProcedure(draft) };
}

function translationState(procedure: Procedure, source: SourceInfo, sourceLang: string): TranslationState {
  const recorded = procedure.meta.source === undefined ? undefined : parseDigest(procedure.meta.source);
  if (!recorded) return { sourceLang, status: 'unmarked', changed: [] };
  const changed = changedParts(recorded, source.digest);
  return { sourceLang, status: changed.length > 0 ? 'stale' : 'current', changed };
}

function slugOf(source: string): string {
  return (source.split('/')[1] ?? '').replace(/\.md$/, '');
}

/** The language's own heading words plus site.yaml's additions; unknown languages use the source language's. */
export function headingsFor(lang: string, site: Site, words: ReadonlyMap<string, Words>): HeadingMap {
  const base = (words.get(lang) ?? words.get(sourceLanguage(site)))?.headings;
  const extra = site.sectionHeadings[lang] ?? {};
  const map = {} as HeadingMap;
  for (const kind of SECTION_KINDS) map[kind] = [...(base?.[kind] ?? []), ...(extra[kind] ?? [])];
  return map;
}
