// load → validate → render → write. The only place that touches the file system.
import { availableParallelism } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import pLimit from 'p-limit';
import { VFile } from 'vfile';
import { type CheckedDocument, checkDocuments } from '../model/check-documents.js';
import { readSite } from '../model/read-site.js';
import { reportError, reportWarning, START_OF_FILE } from '../model/report.js';
import type { Site } from '../model/site.js';
import type { Procedure } from '../model/types.js';
import { RENDERERS } from '../render/registry.js';
import { DEFAULT_SETTINGS, type RenderSettings } from '../render/settings.js';
import { type Artifact, type ProcedureRun, procedureDir, type RenderContext, type Renderer } from '../render/types.js';
import { linkWarning, loadContent } from './load-content.js';
import { DEFAULT_TEMPLATES_DIR, loadTemplates, type Templates } from './load-templates.js';
import { type OutputCache, openCache } from './output-cache.js';
import { InTheWayError } from './output-errors.js';
import { type OutputFolder, openOutputFolder } from './output-folder.js';

export interface Folders {
  contentDir: string;
  /** Templates, words and resources; Pelita's own by default. */
  templatesDir?: string;
}

export interface BuildOptions extends Folders {
  /** Where to write; without it, only validate (`pelita check`). */
  outDir?: string;
  /** Folder that message paths are relative to. */
  cwd?: string;
  settings?: Partial<RenderSettings>;
  /** Build into a folder that is not (yet) Pelita's, replacing files in the way. */
  force?: boolean;
  /** Stops the build between procedures (Ctrl-C): what is written stays whole. */
  signal?: AbortSignal;
}

export interface BuildResult {
  /** Every file with messages, in a stable order. */
  files: VFile[];
  documents: number;
  built: number;
  failed: number;
  /** Output paths written, relative to the output folder. */
  written: string[];
  /** `<lang>/<slug>` output folders removed because their source file is gone. */
  removed: string[];
  /** Output paths kept from the previous build (their renderer's cache key had not changed). */
  reused: string[];
  /** Files of removed procedures not deleted, because they changed after Pelita wrote them. */
  kept: string[];
  /** True when `signal` stopped the build: `built` procedures were written whole, no site files. */
  cancelled?: boolean;
}

export interface CheckedContent {
  /** Undefined when site.yaml is missing or has errors: then nothing is checked. */
  site?: Site;
  checked: CheckedDocument[];
  /** Every file with messages (site.yaml, words files, documents), in a stable order. */
  files: VFile[];
  templates: Templates;
  documents: number;
}

/** Reads and validates everything; writes nothing. Shared by build, check and translations. */
export async function checkContent(options: Omit<BuildOptions, 'outDir' | 'settings'>): Promise<CheckedContent> {
  const cwd = options.cwd ?? process.cwd();
  // Paths inside the working folder are shown relative (content/id/x.md), others in full.
  const display = (path: string) => {
    const shown = relative(cwd, path);
    return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : path;
  };
  const content = await loadContent(options.contentDir);
  const templates = await loadTemplates(options.templatesDir ?? DEFAULT_TEMPLATES_DIR);
  const siteFile = new VFile({ path: display(join(options.contentDir, 'site.yaml')) });
  const result: CheckedContent = { checked: [], files: [siteFile], templates, documents: content.documents.length };
  result.files.push(...content.links.map((link) => linkWarning(display(join(options.contentDir, link)))));
  if (content.siteText === undefined) {
    reportError(
      siteFile,
      'The content folder has no site.yaml. Create it with at least "name" (the office) and "url" (where the pages are published).',
      START_OF_FILE,
      'missing-site',
    );
  } else {
    result.site = readSite(siteFile, content.siteText, new Set(templates.words.keys()));
  }
  const site = result.site;
  if (!site) return result;
  for (const file of templates.files) {
    if (site.languages.some((lang) => file.path.endsWith(`${lang}.yaml`))) {
      file.path = display(file.path);
      result.files.push(file);
    }
  }
  result.checked = checkDocuments(
    content.documents,
    site,
    templates.words,
    (source) => display(join(options.contentDir, source)),
    templates.pictogramIds,
  );
  result.files.push(...result.checked.map((doc) => doc.file));
  return result;
}

export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const { site, checked, files, templates, documents } = await checkContent(options);
  const result: BuildResult = {
    files,
    documents,
    built: 0,
    failed: documents,
    written: [],
    removed: [],
    reused: [],
    kept: [],
  };
  if (!site) return result;
  const procedures = checked.flatMap((doc) => (doc.procedure ? [doc.procedure] : []));
  result.failed = checked.length - procedures.length;
  if (!options.outDir) {
    result.built = procedures.length;
    return result;
  }

  const renderers = await Promise.all(RENDERERS.map((entry) => entry.load()));
  const context: RenderContext = {
    site,
    words: templates.words,
    renderTemplate: templates.renderTemplate,
    procedures,
    assets: templates.assets,
    editions: renderers.flatMap((renderer) => renderer.editions ?? []),
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
  };
  // Pelita's own templates are guarded too when no --templates was given.
  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
  const output = await openOutputFolder({ ...options, templatesDir, outDir: options.outDir });
  try {
    await writeProcedures(output, checked, renderers, context, options.signal, result);
  } finally {
    await output.close();
  }
  return result;
}

async function writeProcedures(
  output: OutputFolder,
  checked: readonly CheckedDocument[],
  renderers: Renderer[],
  context: RenderContext,
  signal: AbortSignal | undefined,
  result: BuildResult,
): Promise<void> {
  const cache = await openCache(output.outDir);
  const outputs = new Map<string, string[]>();
  const facts = new Map<string, Readonly<Record<string, number>>>();
  // A few procedures render at once, so the main thread's renderers go on while audio
  // encodes in its worker threads; results are still written and recorded in document
  // order, so outputs, the manifest and the site files do not depend on timing.
  const limit = pLimit(availableParallelism() + 1);
  const renders = checked.map((doc) =>
    doc.procedure
      ? limit(() => renderProcedure(doc.procedure as Procedure, renderers, context, doc.file, cache))
      : undefined,
  );
  for (const [index, doc] of checked.entries()) {
    if (!doc.procedure) continue;
    const rendered = await renders[index];
    if (signal?.aborted) {
      result.cancelled = true;
      limit.clearQueue();
      return;
    }
    if (!rendered) {
      result.failed++;
      continue;
    }
    const { artifacts, reused, records } = rendered;
    const written = await commitOrReport(
      output,
      artifacts.filter((artifact) => !reused.has(artifact)),
      doc.file,
    );
    if (!written) {
      result.failed++;
      continue;
    }
    result.written.push(...written);
    output.keep(artifacts.filter((artifact) => reused.has(artifact)));
    result.reused.push(...artifacts.filter((artifact) => reused.has(artifact)).map((artifact) => artifact.path));
    for (const record of records) cache.record(record.owner, record.key, record.artifacts);
    for (const artifact of artifacts) if (artifact.facts) facts.set(artifact.path, artifact.facts);
    outputs.set(
      procedureDir(doc.procedure),
      artifacts.map((artifact) => artifact.path),
    );
    result.built++;
  }
  // The index and catalog list only procedures whose files are in place: no dead links.
  const site = { ...context, procedures: context.procedures.filter((p) => outputs.has(procedureDir(p))) };
  const siteArtifacts = renderers.flatMap((renderer) => renderer.renderSite?.(site, outputs, facts) ?? []);
  const siteFile = result.files[0] as VFile;
  result.written.push(...((await commitOrReport(output, [...siteArtifacts, cache.manifest()], siteFile)) ?? []));
  const sources = new Set(checked.map((doc) => doc.source.replace(/\.md$/, '')));
  const pruned = await output.prune(new Set([...result.written, ...result.reused]), sources, new Set(outputs.keys()));
  result.removed = pruned.removed;
  result.kept = pruned.kept;
}

/** Writes a group of files; something in the way (a link, a file Pelita did not write) is an error on `file`. */
async function commitOrReport(
  output: OutputFolder,
  artifacts: readonly Artifact[],
  file: VFile,
): Promise<string[] | undefined> {
  try {
    return await output.commit(artifacts);
  } catch (error) {
    if (!(error instanceof InTheWayError)) throw error;
    reportError(file, `Nothing was written for this file: ${error.message}`, START_OF_FILE, 'output-in-the-way');
    return undefined;
  }
}

interface RenderedProcedure {
  artifacts: Artifact[];
  /** Artifacts read back from the previous build: already on disk. */
  reused: Set<Artifact>;
  /** Cache entries to record once the files are written. */
  records: { owner: string; key: string; artifacts: Artifact[] }[];
}

/** All of one procedure's files, or none: a renderer that fails leaves the old files in place. */
async function renderProcedure(
  procedure: Procedure,
  renderers: Renderer[],
  context: RenderContext,
  file: VFile,
  cache: OutputCache,
): Promise<RenderedProcedure | undefined> {
  const rendered: RenderedProcedure = { artifacts: [], reused: new Set(), records: [] };
  const { artifacts } = rendered;
  const warn: ProcedureRun['warn'] = (reason, place, ruleId) => reportWarning(file, reason, place, ruleId);
  for (const renderer of renderers) {
    try {
      const key = await renderer.cacheKey?.(procedure, context);
      const owner = `${renderer.id}:${procedureDir(procedure)}`;
      const kept = key === undefined ? undefined : await cache.reuse(owner, key);
      if (kept) {
        for (const artifact of kept) rendered.reused.add(artifact);
        artifacts.push(...kept);
        continue;
      }
      const made = (await renderer.renderProcedure?.(procedure, context, { earlier: [...artifacts], warn })) ?? [];
      artifacts.push(...made);
      if (key !== undefined) rendered.records.push({ owner, key, artifacts: made });
    } catch (error) {
      reportError(
        file,
        `Pelita could not make the ${renderer.id} edition of this procedure (${(error as Error).message}). Nothing was written for it; please report this problem.`,
        START_OF_FILE,
        'render-failed',
      );
      return undefined;
    }
  }
  return rendered;
}
