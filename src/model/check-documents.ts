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

  // Originals first: translations are checked against them.
  const originals = sorted.filter(isOriginal).map((doc) => checkOne(doc, site, words, displayPath, context));
  for (const checked of originals) {
    if (checked.procedure) {
      sources.set(checked.procedure.slug, {
        procedure: checked.procedure,
        path: checked.file.path,
        digest: digestProcedure(checked.procedure),
      });
    }
  }
  const translations = sorted
    .filter((doc) => !isOriginal(doc))
    .map((doc) => checkOne(doc, site, words, displayPath, context));
  for (const checked of translations) {
    const source = checked.procedure && sources.get(checked.procedure.slug);
    if (checked.procedure && source)
      checked.procedure.translation = translationState(checked.procedure, source, sourceLang);
  }
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
