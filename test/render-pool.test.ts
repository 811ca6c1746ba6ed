// The worker pool changes only speed: Braille, the picture sheets and the PDFs made in worker threads
// are the same bytes as on the main thread, and verify (reading them back in the pool) finds the same.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pelita, readTree, tempDir } from './support/cli.js';
import { FIXTURES } from './support/fixtures.js';

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
});
