// What checking a document found, kept between builds, so a rebuild does not parse and check
// a document whose inputs did not change. Each document's entry (`check:<lang>/<slug>` in
// the output folder's cache manifest) is kept under a key of what checking reads: the
// document's bytes, its original's (a translation is checked against it), site.yaml, the
// words and heading files and the pictogram lexicon, the paths messages name, and the
// version of the rules (Pelita's version and CHECK_FORMAT). It holds the messages, told again
// as they were; a valid document's procedure is its last-good record (`.pelita-procedure.json`,
// the entry's one file), read only when something must be rendered from it.
import { readFileSync } from 'node:fs';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { attachText, type MessageText, textOf } from '../i18n/messages.js';
import type { CheckedDocument } from '../model/check-documents.js';
import type { Procedure } from '../model/types.js';
import { sha256 } from './dependency-key.js';

/** Raise when what a check records or how its messages are kept changes. */
export const CHECK_FORMAT = 2;

/** A message as checking gave it, to be told again on the same file. */
export interface CachedMessage {
  reason: string;
  /** true: error; false: warning; null: information. */
  fatal: boolean | null;
  ruleId?: string;
  source?: string;
  place?: Point | Position;
  url?: string;
  note?: string;
  text?: MessageText;
}

/** What is kept of one checked document. */
export interface CheckRecord {
  messages: CachedMessage[];
  /** The file's `data` (e.g. the title of a document with errors, for the preview). */
  data?: Record<string, unknown>;
  valid: boolean;
  /** A valid document's front matter and translation state: what the index pages list. */
  listing?: Listing;
}

/** What site files read of a procedure besides its outline (kept in site records). */
export interface Listing {
  meta: Procedure['meta'];
  translation: Procedure['translation'] | null;
}

const BODY = [
  'metaPositions',
  'introduction',
  'requirements',
  'steps',
  'legalBasis',
  'complaints',
  'notes',
  'freeSections',
] as const;

/**
 * A procedure whose front matter is at hand and whose body is read (from its last-good
 * record) only when something asks for it: an index page lists it without reading it.
 */
export function listedProcedure(source: string, listing: Listing, body: () => Procedure): Procedure {
  const [lang = '', name = ''] = source.split('/');
  const stub = {
    slug: name.replace(/\.md$/, ''),
    lang,
    source,
    meta: listing.meta,
    ...(listing.translation ? { translation: listing.translation } : {}),
  } as Procedure;
  for (const key of BODY) Object.defineProperty(stub, key, { get: () => body()[key], enumerable: true });
  Object.defineProperty(stub, WHOLE, { value: body });
  return stub;
}

const WHOLE = Symbol('the whole procedure of a listing');

/** The procedure a listing stands for (read when asked for); any other procedure itself. */
export function wholeProcedure(procedure: Procedure): Procedure {
  const body = (procedure as { [WHOLE]?: () => Procedure })[WHOLE];
  return body ? body() : procedure;
}

/** Whether a checked document has no errors, without reading a kept procedure. */
export function isValid(doc: CheckedDocument): boolean {
  return doc.valid ?? doc.procedure !== undefined;
}

export const checkOwner = (source: string) => `check:${source.replace(/\.md$/, '')}`;

/** The messages of a file just checked (before any renderer adds its own). */
export function checkRecordOf(file: VFile, procedure: Procedure | undefined): CheckRecord {
  const valid = procedure !== undefined;
  const messages = file.messages.map((message): CachedMessage => {
    const text = textOf(message);
    return {
      reason: message.reason,
      fatal: message.fatal ?? null,
      ...(message.ruleId ? { ruleId: message.ruleId } : {}),
      ...(message.source ? { source: message.source } : {}),
      ...(message.place ? { place: JSON.parse(JSON.stringify(message.place)) as Point | Position } : {}),
      ...(message.url ? { url: message.url } : {}),
      ...(message.note ? { note: message.note } : {}),
      ...(text ? { text: JSON.parse(JSON.stringify(text)) as MessageText } : {}),
    };
  });
  const data = Object.keys(file.data).length > 0 ? (JSON.parse(JSON.stringify(file.data)) as object) : undefined;
  const listing = procedure
    ? (JSON.parse(JSON.stringify({ meta: procedure.meta, translation: procedure.translation ?? null })) as Listing)
    : undefined;
  return {
    messages,
    valid,
    ...(data ? { data: data as Record<string, unknown> } : {}),
    ...(listing ? { listing } : {}),
  };
}

/** Tells a kept document's messages again on its (new, empty) file. */
export function replayCheck(file: VFile, record: CheckRecord): void {
  for (const cached of record.messages) {
    const message = file.message(cached.reason, {
      place: cached.place,
      ...(cached.ruleId ? { ruleId: cached.ruleId } : {}),
      ...(cached.source ? { source: cached.source } : {}),
    });
    if (cached.text) attachText(message, cached.text);
    message.fatal = cached.fatal ?? undefined;
    if (cached.url) message.url = cached.url;
    if (cached.note) message.note = cached.note;
  }
  if (record.data) Object.assign(file.data, record.data);
}

export interface CheckKeyInputs {
  /** Pelita's version. */
  version: string;
  source: string;
  /** SHA-256 of the document's bytes. */
  sourceHash: string;
  /** For a translation: SHA-256 of its original's bytes, or null when there is none. */
  originalHash?: string | null;
  siteHash: string;
  /** Hash of the words files and the pictogram lexicon. */
  wordsHash: string;
  /** How messages name the document and site.yaml (they depend on the working folder). */
  shownAs: string;
}

export function checkKey(inputs: CheckKeyInputs): string {
  return JSON.stringify({ format: CHECK_FORMAT, ...inputs });
}

let ownVersion: string | undefined;
/** Pelita's version, from its package.json. */
export function pelitaVersion(): string {
  ownVersion ??= (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  ).version;
  return ownVersion;
}

/** A procedure read from its last-good record's bytes. */
export function procedureFromRecord(data: string | Uint8Array): Procedure {
  const text = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
  return (JSON.parse(text) as { procedure: Procedure }).procedure;
}

export { sha256 };
