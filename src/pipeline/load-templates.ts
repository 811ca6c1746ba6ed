// Reads templates/: HTML templates, static assets and each language's words.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Liquid } from 'liquidjs';
import { VFile } from 'vfile';
import { type Catalogue, readCatalogue } from '../i18n/messages.js';
import { readWords, type Words } from '../i18n/words.js';
import { reportError, reportWarning } from '../model/report.js';
import { yamlData } from '../parse/yaml-cache.js';
import type { RenderTemplate } from '../render/types.js';
import { readText } from './read-text.js';

/** templates/ of the installed package (the same from src/ and dist/). */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface Templates {
  renderTemplate: RenderTemplate;
  assets: Map<string, string>;
  words: Map<string, Words>;
  /** Messages about the words files. */
  files: VFile[];
  /** Concept ids of templates/pictograms/lexicon.yaml, which `{pictogram=ID}` may name. */
  pictogramIds: Set<string>;
}

export async function loadTemplates(dir = DEFAULT_TEMPLATES_DIR, sourceLanguage = 'id'): Promise<Templates> {
  const htmlDir = join(dir, 'html');
  const liquidFiles = (await readdir(htmlDir)).filter((name) => name.endsWith('.liquid')).sort();
  const templates = Object.fromEntries(
    await Promise.all(
      liquidFiles.map(async (name) => [name.replace(/\.liquid$/, ''), await readText(join(htmlDir, name))]),
    ),
  );
  const liquid = new Liquid({
    templates,
    outputEscape: 'escape',
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    // Each template parsed once: without it every page parses its templates again.
    cache: true,
  });
  const renderTemplate: RenderTemplate = (name, data) => liquid.renderFileSync(name, data) as string;

  const assetsDir = join(htmlDir, 'assets');
  const assets = new Map<string, string>();
  for (const name of (await readdir(assetsDir)).sort()) assets.set(name, await readText(join(assetsDir, name)));

  const { words, files } = await loadWords(join(dir, 'i18n'), sourceLanguage);
  return { renderTemplate, assets, words, files, pictogramIds: await loadPictogramIds(dir) };
}

async function loadPictogramIds(dir: string): Promise<Set<string>> {
  const parsed = yamlData(await readText(join(dir, 'pictograms', 'lexicon.yaml')));
  const concepts = parsed.ok ? (parsed.data as { concepts?: object } | null)?.concepts : undefined;
  return new Set(concepts ? Object.keys(concepts) : []);
}

async function loadWords(dir: string, sourceLanguage: string) {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort();
  const raw = new Map<string, { file: VFile; data: unknown }>();
  for (const name of names) {
    const file = new VFile({ path: join(dir, name) });
    const parsed = yamlData(await readText(join(dir, name)));
    if (!parsed.ok) {
      reportError(
        file,
        { id: 'words-invalid-yaml', params: { error: parsed.error.message } },
        parsed.error.place,
        'invalid-yaml',
      );
    }
    raw.set(name.slice(0, -'.yaml'.length), { file, data: parsed.ok ? parsed.data : {} });
  }
  const words = new Map<string, Words>();
  const source = raw.get(sourceLanguage);
  const fallback = source ? readWords(sourceLanguage, source.data).words : undefined;
  for (const [lang, { file, data }] of raw) {
    const result = readWords(lang, data, lang === sourceLanguage ? undefined : fallback);
    for (const problem of result.problems) {
      reportWarning(
        file,
        { ...problem, params: { ...problem.params, lang: sourceLanguage } },
        undefined,
        'missing-term',
      );
    }
    words.set(lang, result.words);
  }
  return { words, files: [...raw.values()].map((entry) => entry.file) };
}

/** Message catalogues with a file in templates/i18n/messages/. */
export async function catalogueLanguages(dir = DEFAULT_TEMPLATES_DIR): Promise<string[]> {
  const names = await readdir(join(dir, 'i18n', 'messages')).catch(() => [] as string[]);
  return names
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();
}

/**
 * The messages in `lang` (templates/i18n/messages/<lang>.yaml); ids it lacks, and every
 * message when a `--templates` folder has none, come from Pelita's own Indonesian ones.
 */
export async function loadCatalogue(lang: string, dir = DEFAULT_TEMPLATES_DIR): Promise<Catalogue> {
  const read = async (folder: string, name: string) => {
    const text = await readFile(join(folder, 'i18n', 'messages', `${name}.yaml`), 'utf8').catch(() => undefined);
    const parsed = text === undefined ? undefined : yamlData(text);
    return parsed?.ok ? readCatalogue(parsed.data) : new Map<string, string>();
  };
  return new Map([
    ...(await read(DEFAULT_TEMPLATES_DIR, 'id')),
    ...(await read(DEFAULT_TEMPLATES_DIR, lang)),
    ...(dir === DEFAULT_TEMPLATES_DIR ? [] : [...(await read(dir, 'id')), ...(await read(dir, lang))]),
  ]);
}
