// The worker pool changes only speed: Braille, the picture sheets and the PDFs made in worker threads
// are the same bytes as on the main thread, and verify (reading them back in the pool) finds the same,
// also when the templates change between two builds of one process (a long `pelita preview`).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../src/pipeline/build.js';
import type { BuildOptions } from '../src/pipeline/build-options.js';
import { pelita, readTree, tempDir } from './support/cli.js';
import { FIXTURES, REPO } from './support/fixtures.js';

describe('render pool', () => {
  it('makes the same files in worker threads as on the main thread', () => {
    const content = join(FIXTURES, 'registry');
    const trees = ['0', '2'].map((workers) => {
      const out = tempDir();
      const run = pelita(
        ['build', '--content', content, '--out', out, '--editions', 'html,pdf,braille,pictogram'],
        undefined,
        {
          PELITA_WORKERS: workers,
        },
      );
      expect(run.status, run.stderr).toBe(0);
      return { tree: readTree(out), found: `${run.stdout}${run.stderr}`.match(/^[a-z-]+: \d+\/\d+ \S+$/gm) };
    });
    const [{ tree: main, found: foundOnMain }, { tree: pooled, found: foundInPool }] = trees as [
      { tree: Map<string, Buffer>; found: string[] | null },
      { tree: Map<string, Buffer>; found: string[] | null },
    ];
    // One fidelity line per edition read back (html, fragment, leaflet, large print, braille, two picture files, catalog).
    expect(foundOnMain?.length, foundOnMain?.join('\n')).toBe(8);
    expect(foundInPool).toEqual(foundOnMain);
    expect(main.has('.pelita-cache.json')).toBe(true);
    expect(main.has('jv/akta-kelahiran/pictograms.png')).toBe(true);
    expect(main.has('jv/akta-kelahiran/leaflet.pdf')).toBe(true);
    expect([...pooled.keys()].sort()).toEqual([...main.keys()].sort());
    for (const [path, bytes] of main) expect(pooled.get(path)?.equals(bytes), path).toBe(true);
  }, 120_000);

  it('makes a worker’s context again when the templates change between two builds of one process', async () => {
    const templates = tempDir('pelita-templates-');
    cpSync(join(REPO, 'templates'), templates, { recursive: true });
    const out = tempDir();
    // Four documents: rendered in the pool (more than FEW_FOR_POOL), as a preview's template edit is.
    const options: BuildOptions = {
      contentDir: join(FIXTURES, 'registry'),
      outDir: out,
      templatesDir: templates,
      editions: ['braille'],
    };
    expect((await runBuild(options)).failed).toBe(0);
    const words = join(templates, 'i18n/id.yaml');
    const edited = readFileSync(words, 'utf8').replace(
      '  requirements: Persyaratan\n',
      '  requirements: Syarat yang Dibawa\n',
    );
    expect(edited).toContain('Syarat yang Dibawa');
    writeFileSync(words, edited);
    expect((await runBuild(options)).failed).toBe(0);
    const proofs = [...readTree(out)].filter(([path]) => path.startsWith('id/') && path.endsWith('/braille.html'));
    expect(proofs).toHaveLength(3);
    for (const [path, bytes] of proofs) expect(bytes.toString(), path).toContain('Syarat yang Dibawa');
  }, 120_000);
});
