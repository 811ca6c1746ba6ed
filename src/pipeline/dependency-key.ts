// The cache key of one renderer's files for one procedure, made by the pipeline from what
// those files depend on: the procedure's source and its original's (a translation's notice
// and fact checks read it), site.yaml, the template folders and words the renderer uses,
// which language versions of the page exist (the HTML page links them), the files earlier
// renderers made (the HTML page links and embeds them), the settings, Pelita's version and
// the versions of every engine Pelita depends on. A renderer's own `cacheKey` is added to it.
// So a rebuild with nothing changed renders nothing, and a changed template or word file
// renders again exactly the editions that read it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Procedure } from '../model/types.js';
import type { RenderSettings } from '../render/settings.js';
import { procedureDir } from '../render/types.js';
import { DEFAULT_TEMPLATES_DIR } from './load-templates.js';

/** What each renderer reads under templates/, by path prefix; a renderer not listed reads all of it. */
const TEMPLATE_FOLDERS: Readonly<Record<string, readonly string[]>> = {
  // The page explains abbreviations (glossary.yaml) and lists the pictures (pictograms/).
  html: ['html/', 'glossary.yaml', 'pictograms/'],
  pdf: ['pdf/'],
  braille: ['braille/'],
  pictogram: ['pictograms/'],
  audio: ['speech/'],
  catalog: [],
};
/** Renderers that show every language's words (the HTML page names the other languages). */
const ALL_WORDS = new Set(['html']);

export interface KeyInputs {
  /** SHA-256 of each document's bytes, by source (`<lang>/<slug>.md`). */
  sources: ReadonlyMap<string, string>;
  siteText: string;
  sourceLanguage: string;
  /** `<lang>/<slug>` of every procedure listed in the site, and of those shown "not updated". */
  listed: ReadonlySet<string>;
  notUpdated: ReadonlySet<string>;
  settings: RenderSettings;
  templates: TemplateHashes;
  /** Pelita's version and the installed engines' versions. */
  versions: string;
}

export type KeyFor = (
  rendererId: string,
  procedure: Procedure,
  earlier: readonly { path: string; sha256: string }[],
  own: string | undefined,
) => string;

export function keyMaker(inputs: KeyInputs): KeyFor {
  const siteHash = sha256(inputs.siteText);
  const settings = JSON.stringify(inputs.settings);
  const languages = [...new Set([...inputs.listed].map((dir) => dir.split('/')[0] ?? ''))].sort();
  return (rendererId, procedure, earlier, own) => {
    const dir = procedureDir(procedure);
    const original = `${inputs.sourceLanguage}/${procedure.slug}.md`;
    const versionsOfPage = languages
      .map((lang) => `${lang}/${procedure.slug}`)
      .filter((other) => inputs.listed.has(other))
      .map((other) => `${other}${inputs.notUpdated.has(other) ? '!' : ''}`);
    const words = ALL_WORDS.has(rendererId)
      ? inputs.templates.words('*')
      : [inputs.templates.words(procedure.lang), inputs.templates.words(inputs.sourceLanguage)];
    return JSON.stringify({
      renderer: rendererId,
      versions: inputs.versions,
      source: inputs.sources.get(`${dir}.md`),
      original: procedure.lang === inputs.sourceLanguage ? undefined : inputs.sources.get(original),
      site: siteHash,
      templates: inputs.templates.folders(rendererId),
      words,
      versionsOfPage,
      earlier: earlier.map((artifact) => `${artifact.path} ${artifact.sha256}`),
      settings,
      own,
    });
  };
}

export interface TemplateHashes {
  /** Hash of the folders a renderer reads (from the chosen templates and Pelita's own). */
  folders(rendererId: string): string;
  /** Hash of a language's words file; `*`: of every words file. */
  words(lang: string): string;
  /** Hash of every file (what a render worker loads its context from). */
  all(): string;
}

/** Hashes every file under templates/ once per build. */
export async function hashTemplates(templatesDir: string): Promise<TemplateHashes> {
  const dirs = [...new Set([templatesDir, DEFAULT_TEMPLATES_DIR])];
  const files = new Map<string, string>(); // `<dir index>:<relative path>` → hash
  // Synchronous: a hundred small files, read faster one after another than through the thread pool.
  for (const [index, dir] of dirs.entries())
    for (const rel of await listFiles(dir)) files.set(`${index}:${rel}`, sha256(readFileSync(join(dir, rel))));
  const under = (prefix: string) =>
    sha256(
      [...files]
        .filter(([name]) => name.slice(name.indexOf(':') + 1).startsWith(prefix))
        .map(([name, hash]) => `${name} ${hash}`)
        .join('\n'),
    );
  const folderHashes = new Map<string, string>();
  return {
    folders(rendererId) {
      let hash = folderHashes.get(rendererId);
      if (hash === undefined) {
        const folders = TEMPLATE_FOLDERS[rendererId];
        hash = folders ? folders.map((prefix) => under(prefix)).join(',') : under('');
        folderHashes.set(rendererId, hash);
      }
      return hash;
    },
    words: (lang) => (lang === '*' ? under('i18n/') : under(`i18n/${lang}.yaml`)),
    all: () => under(''),
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.replace(/\/?$/, '/').length))
    .sort();
}

/**
 * Pelita's version, each dependency's installed version, and the native Braille engine when
 * chosen. Not the speech engine: finding it loads libespeak-ng (≈ 50 ms), which only the audio
 * edition needs, and the audio renderer's own key names it.
 */
export async function engineVersions(settings: RenderSettings): Promise<string> {
  const own = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
    dependencies?: Record<string, string>;
  };
  const installed: string[] = [`pelita ${own.version}`];
  for (const name of Object.keys(own.dependencies ?? {}).sort()) {
    const text = await readFile(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8').catch(
      () => undefined,
    );
    installed.push(`${name} ${text ? (JSON.parse(text) as { version?: string }).version : '?'}`);
  }
  if (settings.brailleEngine === 'native') installed.push(`liblouis ${toolVersion('lou_translate', ['--version'])}`);
  return installed.join('\n');
}

function toolVersion(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0] ?? '';
  } catch {
    return 'absent';
  }
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
