// A copy of the population-registry fixture (three procedures, one translated) and of
// templates/, to edit and build again, and a build that tells which renderer ran on what.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildOptions, runBuild } from '../../src/pipeline/build.js';
import type { EditionId } from '../../src/render/registry.js';
import { tempDir } from './cli.js';
import { FIXTURES, REPO } from './fixtures.js';

export interface Workspace {
  content: string;
  templates: string;
  out: string;
}

export function registryWorkspace(prefix: string): Workspace {
  const root = tempDir(prefix);
  cpSync(join(FIXTURES, 'registry'), join(root, 'content'), { recursive: true });
  cpSync(join(REPO, 'templates'), join(root, 'templates'), { recursive: true });
  return { content: join(root, 'content'), templates: join(root, 'templates'), out: join(root, 'out') };
}

/** Builds and tells which renderer ran on which document, as `<edition> <lang>/<slug>.md`, sorted. */
export async function buildTelling(folders: Workspace, editions: EditionId[], options: Partial<BuildOptions> = {}) {
  const ran: string[] = [];
  const result = await runBuild({
    contentDir: folders.content,
    templatesDir: folders.templates,
    outDir: folders.out,
    editions,
    observer: { editionStarted: (source, edition) => ran.push(`${edition} ${source}`) },
    ...options,
  });
  return { result, ran: ran.sort() };
}
