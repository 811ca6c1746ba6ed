// One procedure through every renderer: reused from the cache where its key matches, made
// in the worker pool or on the main thread otherwise. All of its files, or none.
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { attachText } from '../i18n/messages.js';
import type { CheckedDocument } from '../model/check-documents.js';
import { reportError, START_OF_FILE } from '../model/report.js';
import type { Procedure } from '../model/types.js';
import { type EditionId, RENDERERS } from '../render/registry.js';
import { type Artifact, type ProcedureRun, procedureDir, type RenderContext, type Renderer } from '../render/types.js';
import type { BuildObserver } from './build-options.js';
import type { KeyFor } from './dependency-key.js';
import { artifactHash, type CachedWarning, type OutputCache } from './output-cache.js';
import { POOLED_RENDERERS, renderInWorker, workerCount } from './render-pool.js';
import type { WorkerTemplates } from './render-worker.js';

export interface RenderedProcedure {
  artifacts: Artifact[];
  /** Artifacts read back from the previous build: already on disk. */
  reused: Set<Artifact>;
  /** Files of editions not made now (`--editions`): as the last build left them. */
  asBefore: Set<Artifact>;
  /** The cache key of each renderer that ran or was reused, in registry order. */
  keys: string[];
  /** Cache entries to record once the files are written. */
  records: { owner: string; key: string | undefined; artifacts: Artifact[]; warnings: CachedWarning[] }[];
}

export type RendererEntry = { id: string; edition?: EditionId; renderer: Renderer };

/**
 * All of one procedure's files, or none: a renderer that fails leaves the old files in place.
 * Renderers not selected contribute the files they made last time (the HTML page links them).
 */
export async function renderProcedure(
  doc: CheckedDocument,
  selected: readonly RendererEntry[],
  context: RenderContext,
  cache: OutputCache,
  observer: BuildObserver,
  keyFor: KeyFor,
  /** The templates the pooled renderers load (their folder and its files' hash). */
  templates: WorkerTemplates,
  /** Whether the pooled renderers run in the worker pool (else here). */
  pooled = workerCount() > 0,
): Promise<RenderedProcedure | undefined> {
  const procedure = doc.procedure as Procedure;
  const { file } = doc;
  const rendered: RenderedProcedure = { artifacts: [], reused: new Set(), asBefore: new Set(), keys: [], records: [] };
  const { artifacts } = rendered;
  const dir = procedureDir(procedure);
  for (const { id } of RENDERERS) {
    const owner = `${id}:${dir}`;
    const renderer = selected.find((entry) => entry.id === id)?.renderer;
    if (!renderer) {
      const before = (await cache.previous(owner)) ?? [];
      for (const artifact of before) {
        rendered.reused.add(artifact);
        rendered.asBefore.add(artifact);
      }
      artifacts.push(...before);
      continue;
    }
    if (!renderer.renderProcedure) continue;
    try {
      const outline = context.outline(procedure);
      const earlier = artifacts.map((artifact) => ({ path: artifact.path, sha256: artifactHash(artifact) }));
      const key = keyFor(id, procedure, earlier, await renderer.cacheKey?.(outline, context));
      rendered.keys.push(key);
      const kept = await cache.reuse(owner, key);
      if (kept) {
        for (const artifact of kept) rendered.reused.add(artifact);
        artifacts.push(...kept);
        for (const warning of cache.warnings(owner)) replay(file, warning);
        continue;
      }
      observer.editionStarted?.(doc.source, id);
      const warnings: CachedWarning[] = [];
      const warn: ProcedureRun['warn'] = (reason, place, ruleId, params) => {
        const warning: CachedWarning = { reason, ruleId, ...pointOf(place), ...(params ? { params } : {}) };
        warnings.push(warning);
        replay(file, warning);
      };
      const made =
        POOLED_RENDERERS.has(id) && pooled
          ? await renderInWorker(
              {
                rendererId: id,
                templates,
                site: context.site,
                settings: context.settings,
                procedure,
                earlier: artifacts.map((artifact) => ({ ...artifact, data: artifact.data })),
              },
              warn,
            )
          : ((await renderer.renderProcedure(outline, context, { earlier: [...artifacts], warn })) ?? []);
      artifacts.push(...made);
      rendered.records.push({ owner, key, artifacts: made, warnings });
    } catch (error) {
      reportError(
        file,
        { id: 'render-failed', params: { edition: id, error: (error as Error).message } },
        START_OF_FILE,
        'render-failed',
      );
      return undefined;
    }
  }
  return rendered;
}

/** Shows again the warnings renderers gave when they made files that are reused now. */
export function replayWarnings(file: VFile, dir: string, cache: OutputCache, editions?: ReadonlySet<string>): void {
  for (const { id, edition } of RENDERERS) {
    if (editions && (edition === undefined || !editions.has(edition))) continue;
    for (const warning of cache.warnings(`${id}:${dir}`)) replay(file, warning);
  }
}

function replay(file: VFile, warning: CachedWarning): void {
  const place: Point | undefined =
    warning.line === undefined ? undefined : { line: warning.line, column: warning.column ?? 1 };
  const message = file.message(warning.reason, { place, ruleId: warning.ruleId, source: 'pelita' });
  if (warning.params) attachText(message, { id: warning.ruleId, params: warning.params, fallback: warning.reason });
}

function pointOf(place: Parameters<ProcedureRun['warn']>[1]): { line?: number; column?: number } {
  const point = place && 'start' in place ? place.start : place;
  return point ? { line: point.line, column: point.column } : {};
}
