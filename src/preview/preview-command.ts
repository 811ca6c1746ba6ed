// `pelita preview` (alias `serve`): builds the HTML edition first so pages are there in
// seconds, then the other editions in the background; on each save rebuilds only the
// documents that changed (and the index), then reloads the open tabs.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { watch } from 'chokidar';
import { formatFile } from '../cli/reporter.js';
import { type Catalogue, formatMessage, localise } from '../i18n/messages.js';
import type { CheckedDocument } from '../model/check-documents.js';
import { type Folders, runBuild } from '../pipeline/build.js';
import { DEFAULT_TEMPLATES_DIR } from '../pipeline/load-templates.js';
import { EDITION_IDS, type EditionId } from '../render/registry.js';
import { createBuildQueue } from './build-queue.js';
import { CLIENT_SCRIPT, type DocumentState, injection, statusPage } from './pages.js';
import { startServer } from './server.js';

export interface PreviewOptions {
  folders: Folders;
  outDir: string;
  /** 0: a free port. */
  port: number;
  editions?: readonly EditionId[];
  catalogue: Catalogue;
}

const SOURCE = /^[^/]+\/[^/]+\.md$/;

export async function startPreview(options: PreviewOptions): Promise<number> {
  const { folders, outDir, catalogue } = options;
  const editions = options.editions ?? EDITION_IDS;
  // The HTML first: it is what the writer looks at; the rest follows in the background.
  const first: readonly EditionId[] = editions.includes('html') ? ['html'] : editions;
  const later = editions.filter((edition) => !first.includes(edition));
  const states = new Map<string, DocumentState>();
  const say = (id: string, params: Record<string, string | number> = {}) => formatMessage(catalogue, { id, params });

  const build = async (chosen: readonly EditionId[], only?: ReadonlySet<string>) => {
    const result = await runBuild({ ...folders, outDir, editions: chosen, only });
    localise(result.files, catalogue);
    for (const doc of result.checked) {
      if (only && !only.has(doc.source)) continue;
      states.set(doc.source, await stateOf(doc, outDir));
    }
    for (const doc of [...states.keys()]) if (!result.checked.some((c) => c.source === doc)) states.delete(doc);
    return result;
  };
  const started = performance.now();
  await build(first);
  const queue = createBuildQueue((error) => console.error(error));
  const server = await startServer({
    outDir,
    port: options.port,
    script: CLIENT_SCRIPT,
    inject: (path) => {
      const dir = /^([^/]+\/[^/]+)\/(?:index|braille)\.html$/.exec(path)?.[1];
      return injection(
        // The index pages (a language's, a unit's) list every procedure: reloaded on any change.
        dir ?? (/^(?:[^/]+\/)?index\.html$|^unit\//.test(path) ? '' : path),
        dir ? states.get(`${dir}.md`) : undefined,
        catalogue,
      );
    },
    page: (path) =>
      path === '__pelita' || path === '__pelita/status'
        ? statusPage([...states.values()], catalogue).replace(
            '</body>',
            `${injection('__status', undefined, catalogue)}</body>`,
          )
        : undefined,
  });
  console.log(say('preview-ready', { url: server.url, status: `${server.url}__pelita/status` }));

  const rebuild = (sources: ReadonlySet<string> | undefined) => {
    const key = sources ? [...sources].sort().join(' ') : '*';
    queue.urgent(key, async () => {
      const start = performance.now();
      const result = await build(first, sources);
      for (const doc of result.checked) {
        if (!sources || sources.has(doc.source))
          for (const line of formatFile(doc.file, { catalogue })) console.error(line);
      }
      server.notify(sources ? [...sources].map((source) => source.replace(/\.md$/, '')) : '*');
      console.log(say('preview-rebuilt', { what: sources ? key : 'index', ms: Math.round(performance.now() - start) }));
    });
    if (later.length > 0)
      queue.background(key, async () => {
        await build(editions, sources);
        server.notify(sources ? [...sources].map((source) => source.replace(/\.md$/, '')) : '*');
      });
  };
  // The slow editions of every document, one document at a time, so a save never waits long.
  if (later.length > 0) {
    for (const source of [...states.keys()]) {
      queue.background(source, async () => {
        await build(editions, new Set([source]));
        server.notify([source.replace(/\.md$/, '')]);
      });
    }
    queue.background('done', async () => {
      console.log(say('preview-background', { seconds: ((performance.now() - started) / 1000).toFixed(1) }));
    });
  }

  const watched = [folders.contentDir, folders.templatesDir ?? DEFAULT_TEMPLATES_DIR];
  const watcher = watch(watched, { ignoreInitial: true });
  watcher.on('all', (event, path) => {
    const inContent = relative(folders.contentDir, path).split(sep).join('/');
    if (!inContent.startsWith('..') && SOURCE.test(inContent) && event !== 'unlink') {
      // A translation's status depends on its original: rebuild every language of the slug.
      const slug = inContent.slice(inContent.indexOf('/') + 1);
      rebuild(new Set([inContent, ...[...states.keys()].filter((source) => source.endsWith(`/${slug}`))]));
    } else rebuild(undefined);
  });

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await watcher.close();
  await server.close();
  return 0;
}

async function stateOf(doc: CheckedDocument, outDir: string): Promise<DocumentState> {
  const dir = doc.source.replace(/\.md$/, '');
  const names = await readdir(join(outDir, ...dir.split('/'))).catch(() => [] as string[]);
  const title = doc.procedure?.meta.title ?? String(doc.file.data.title ?? '');
  return {
    source: doc.source,
    title,
    file: doc.file,
    valid: doc.procedure !== undefined,
    translation: doc.procedure?.translation?.status,
    files: names.filter((name) => !name.startsWith('.')).sort(),
  };
}
