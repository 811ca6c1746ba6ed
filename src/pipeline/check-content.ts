// Reads and checks every document (site.yaml, words, each procedure), reusing what the last
// build found in documents whose inputs did not change. Writes nothing.
import { isAbsolute, join, relative } from 'node:path';
import { VFile } from 'vfile';
import type { CheckedDocument } from '../model/check-documents.js';
import { readSite } from '../model/read-site.js';
import { reportError, START_OF_FILE } from '../model/report.js';
import type { Site } from '../model/site.js';
import type { Procedure } from '../model/types.js';
import type { BuildOptions } from './build-options.js';
import {
  type CheckRecord,
  checkKey,
  checkOwner,
  checkRecordOf,
  isValid,
  type Listing,
  pelitaVersion,
  procedureFromRecord,
  replayCheck,
} from './check-cache.js';
import { hashTemplates, sha256, type TemplateHashes } from './dependency-key.js';
import { fallbackSite } from './fallback-site.js';
import { linkWarning, loadContent } from './load-content.js';
import { DEFAULT_TEMPLATES_DIR, loadTemplates, type Templates } from './load-templates.js';
import { IO_AT_ONCE, mapLimit } from './map-limit.js';
import type { OutputCache } from './output-cache.js';
import type { ProcedureStore } from './procedure-store.js';

export interface CheckedContent {
  /** Undefined when site.yaml is missing or has errors: then nothing is built. */
  site?: Site;
  /** Every document, checked against site.yaml or, when that is broken, against defaults. */
  checked: CheckedDocument[];
  /** Every file with messages (site.yaml, words files, documents), in a stable order. */
  files: VFile[];
  templates: Templates;
  documents: number;
  /** SHA-256 of each document's bytes, by source: what its editions' cache keys start from. */
  sourceHashes: Map<string, string>;
  siteText: string;
  /** Hashes of the template folders and words files. */
  templateHashes: TemplateHashes;
  /** Each document's check key (what checking it reads), by source. */
  checkKeys: Map<string, string>;
  /** What checking found in documents checked now, by source (to be kept for the next build). */
  records: Map<string, CheckRecord>;
  /** Sources whose check was kept from the last build (their procedure is read when asked for). */
  reusedChecks: Set<string>;
  /** The front matter of kept checks' procedures (listed without reading them). */
  listings: Map<string, Listing>;
}

/** Reads and validates everything; writes nothing. Shared by build, check and translations. */
export async function checkContent(
  options: Omit<BuildOptions, 'outDir' | 'settings'>,
  cache?: OutputCache,
  /** Where kept checks' procedures are read from, a few held at a time (a build's output folder). */
  store?: ProcedureStore,
): Promise<CheckedContent> {
  const cwd = options.cwd ?? process.cwd();
  // Paths inside the working folder are shown relative (content/id/x.md), others in full.
  const display = (path: string) => {
    const shown = relative(cwd, path);
    return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : path;
  };
  const content = await loadContent(options.contentDir);
  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const templates = await loadTemplates(templatesDir);
  const templateHashes = await hashTemplates(templatesDir);
  const siteFile = new VFile({ path: display(join(options.contentDir, 'site.yaml')) });
  const result: CheckedContent = {
    checked: [],
    files: [siteFile],
    templates,
    documents: content.documents.length,
    sourceHashes: new Map(content.documents.map((doc) => [doc.source, sha256(doc.bytes)])),
    siteText: content.siteText ?? '',
    templateHashes,
    checkKeys: new Map(),
    records: new Map(),
    reusedChecks: new Set(),
    listings: new Map(),
  };
  result.files.push(...content.links.map((link) => linkWarning(display(join(options.contentDir, link)))));
  if (content.siteText === undefined) {
    reportError(siteFile, { id: 'missing-site', params: { site: siteFile.path } }, START_OF_FILE, 'missing-site');
  } else {
    result.site = readSite(siteFile, content.siteText, new Set(templates.words.keys()));
  }
  // A broken site.yaml builds nothing, but each document's own problems are still told.
  const site = result.site ?? fallbackSite(content.documents, templates.words);
  for (const file of templates.files) {
    if (site.languages.some((lang) => file.path.endsWith(`${lang}.yaml`))) {
      file.path = display(file.path);
      result.files.push(file);
    }
  }
  const shown = (source: string) => display(join(options.contentDir, source));
  // A document whose inputs are those of its kept check is not parsed or checked again.
  const sourceLang = site.languages[0] ?? 'id';
  const siteHash = sha256(result.siteText);
  const wordsHash = sha256(`${templateHashes.words('*')} ${templateHashes.folders('pictogram')}`);
  const version = pelitaVersion();
  const cached = new Map<string, CheckedDocument>();
  for (const doc of content.documents) {
    const [lang, name] = doc.source.split('/');
    const key = checkKey({
      version,
      source: doc.source,
      sourceHash: result.sourceHashes.get(doc.source) ?? '',
      ...(lang === sourceLang ? {} : { originalHash: result.sourceHashes.get(`${sourceLang}/${name}`) ?? null }),
      siteHash: result.site ? siteHash : 'broken',
      wordsHash,
      shownAs: `${shown(doc.source)} ${shown('site.yaml')}`,
    });
    result.checkKeys.set(doc.source, key);
  }
  const kept = await mapLimit(content.documents, IO_AT_ONCE, async (doc) => {
    if (!cache || !result.site) return undefined;
    const key = result.checkKeys.get(doc.source) ?? '';
    const owner = checkOwner(doc.source);
    const record = cache.result(owner, key) as CheckRecord | undefined;
    const files = record && (await cache.reuse(owner, key));
    return record && files && files.length === (record.valid ? 1 : 0) ? { record, files } : undefined;
  });
  for (const [index, doc] of content.documents.entries()) {
    const found = kept[index];
    if (!found) continue;
    const { record, files } = found;
    const file = new VFile({ path: shown(doc.source) });
    replayCheck(file, record);
    const lastGood = files[0];
    let procedure: Procedure | undefined;
    cached.set(doc.source, {
      source: doc.source,
      file,
      valid: record.valid,
      get procedure() {
        if (!lastGood) return undefined;
        if (store) return store.get(doc.source.replace(/\.md$/, ''));
        procedure ??= procedureFromRecord(lastGood.data);
        return procedure;
      },
    });
    result.reusedChecks.add(doc.source);
    if (record.listing) result.listings.set(doc.source, record.listing);
  }
  // The rules (and the Markdown parser) are loaded only when a document must be checked.
  result.checked =
    cached.size === content.documents.length
      ? [...cached.values()].sort((a, b) => compare(a.source, b.source))
      : (await import('../model/check-documents.js')).checkDocuments(
          content.documents,
          site,
          templates.words,
          shown,
          templates.pictogramIds,
          {
            cached,
            onChecked: (source) => options.observer?.documentChecked?.(source),
            // Kept compressed until rendered: the checked procedures are not all held whole.
            settle: store ? (doc) => store.pack(doc, doc.source.replace(/\.md$/, '')) : undefined,
          },
        );
  for (const doc of result.checked)
    if (!result.reusedChecks.has(doc.source))
      result.records.set(doc.source, checkRecordOf(doc.file, isValid(doc) ? doc.procedure : undefined));
  result.files.push(...result.checked.map((doc) => doc.file));
  return result;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
