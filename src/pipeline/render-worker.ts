// Runs in a worker thread (see render-pool.ts): one CPU-heavy renderer (Braille, the
// picture sheet, the PDFs) for one procedure, or verify reading one procedure's files back, from inputs that cross a thread: the
// procedure, the site, the settings and the files earlier renderers made. The context is
// made again here from the same templates, so the files are the same bytes as on the
// main thread.
import type { Site } from '../model/site.js';
import type { Procedure } from '../model/types.js';
import { outlinesFor } from '../outline/build-outline.js';
import { RENDERERS } from '../render/registry.js';
import type { RenderSettings } from '../render/settings.js';
import type { Artifact, ProcedureRun, RenderContext, Renderer } from '../render/types.js';
import type { EditionResult } from '../verify/verify.js';
import { loadTemplates } from './load-templates.js';

/**
 * The templates folder, and a hash of every file in it: a worker keeps the context it made
 * from them only while the hash is the same (a long `pelita preview` sees words edited).
 */
export interface WorkerTemplates {
  dir: string;
  key: string;
}

export interface RenderTask {
  rendererId: string;
  templates: WorkerTemplates;
  site: Site;
  settings: RenderSettings;
  procedure: Procedure;
  earlier: Artifact[];
}

export interface RenderTaskResult {
  artifacts: Artifact[];
  warnings: Parameters<ProcedureRun['warn']>[];
}

/** Per templates folder, for its files as they are: the context without its procedures. */
const contexts = new Map<
  string,
  { key: string; context: Promise<Omit<RenderContext, 'procedures' | 'site' | 'outline' | 'settings'>> }
>();
const renderers = new Map<string, Promise<Renderer>>();

/** Reading one procedure's files back (`verify`): pdf.js and the other readers are CPU-heavy too. */
export interface VerifyTask {
  templates: WorkerTemplates;
  site: Site;
  procedure: Procedure;
  outDir: string;
  /** Only these files are read back. */
  paths: string[];
}

export async function verifyTask(task: VerifyTask): Promise<EditionResult[]> {
  const { words } = await sharedContext(task.templates);
  const { verifyProcedure } = await import('../verify/verify.js');
  const outline = outlinesFor(task.site, words)(task.procedure);
  return verifyProcedure(outline, { outDir: task.outDir, site: task.site, words }, new Set(task.paths));
}

function sharedContext({ dir, key }: WorkerTemplates) {
  const known = contexts.get(dir);
  if (known?.key === key) return known.context;
  const context = (async () => {
    const templates = await loadTemplates(dir);
    // Only the renderers asked for are loaded here (memory per worker); the pooled ones
    // link no other edition, so the list of edition files is not needed.
    return {
      words: templates.words,
      renderTemplate: templates.renderTemplate,
      assets: templates.assets,
      editions: [],
    };
  })();
  contexts.set(dir, { key, context });
  return context;
}

export default async function renderTask(task: RenderTask): Promise<RenderTaskResult> {
  const shared = sharedContext(task.templates);
  let renderer = renderers.get(task.rendererId);
  if (!renderer) {
    const entry = RENDERERS.find((candidate) => candidate.id === task.rendererId);
    if (!entry) throw new Error(`no renderer "${task.rendererId}"`);
    renderer = entry.load();
    renderers.set(task.rendererId, renderer);
  }
  const base = await shared;
  const context: RenderContext = {
    ...base,
    site: task.site,
    settings: task.settings,
    procedures: [task.procedure],
    outline: outlinesFor(task.site, base.words),
  };
  const warnings: RenderTaskResult['warnings'] = [];
  const made = await (await renderer).renderProcedure?.(context.outline(task.procedure), context, {
    earlier: task.earlier,
    warn: (...warning) => warnings.push(warning),
  });
  return { artifacts: made ?? [], warnings };
}
