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

export interface RenderTask {
  rendererId: string;
  templatesDir: string;
  site: Site;
  settings: RenderSettings;
  procedure: Procedure;
  earlier: Artifact[];
}

export interface RenderTaskResult {
  artifacts: Artifact[];
  warnings: Parameters<ProcedureRun['warn']>[];
}

/** Per templates folder: the context without its procedures, made once per worker. */
const contexts = new Map<string, Promise<Omit<RenderContext, 'procedures' | 'site' | 'outline' | 'settings'>>>();
const renderers = new Map<string, Promise<Renderer>>();

/** Reading one procedure's files back (`verify`): pdf.js and the other readers are CPU-heavy too. */
export interface VerifyTask {
  templatesDir: string;
  site: Site;
  procedure: Procedure;
  outDir: string;
  /** Only these files are read back. */
  paths: string[];
}

export async function verifyTask(task: VerifyTask): Promise<EditionResult[]> {
  const { words } = await sharedContext(task.templatesDir);
  const { verifyProcedure } = await import('../verify/verify.js');
  const outline = outlinesFor(task.site, words)(task.procedure);
  return verifyProcedure(outline, { outDir: task.outDir, site: task.site, words }, new Set(task.paths));
}

function sharedContext(templatesDir: string) {
  let shared = contexts.get(templatesDir);
  if (!shared) {
    shared = (async () => {
      const templates = await loadTemplates(templatesDir);
      // Only the renderers asked for are loaded here (memory per worker); the pooled ones
      // link no other edition, so the list of edition files is not needed.
      return {
        words: templates.words,
        renderTemplate: templates.renderTemplate,
        assets: templates.assets,
        editions: [],
      };
    })();
    contexts.set(templatesDir, shared);
  }
  return shared;
}

export default async function renderTask(task: RenderTask): Promise<RenderTaskResult> {
  const shared = sharedContext(task.templatesDir);
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
