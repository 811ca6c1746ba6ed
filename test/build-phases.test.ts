// The stages a build reports (BuildObserver.phase), which scripts/memory-phases.mjs uses to
// tell where a build's memory goes: in order, each site renderer by name, and a build with
// nothing changed reporting no site renderer (its site files are kept, not made).
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../src/pipeline/build.js';
import { tempDir } from './support/cli.js';
import { FIXTURES } from './support/fixtures.js';

process.env.XDG_CACHE_HOME = tempDir('pelita-cache-home-');

describe('build phases', () => {
  it('tells each stage of a cold build in order, and a nothing-changed build makes no site file', async () => {
    const root = tempDir('pelita-phases-');
    cpSync(join(FIXTURES, 'registry'), join(root, 'content'), { recursive: true });
    const build = async () => {
      const phases: string[] = [];
      await runBuild({
        contentDir: join(root, 'content'),
        outDir: join(root, 'out'),
        editions: ['html'],
        observer: { phase: (name) => phases.push(name) },
      });
      return phases;
    };
    expect(await build()).toEqual([
      'checked',
      'written',
      'verified',
      'records-made',
      'site:html',
      'site:catalog',
      'site:discovery',
      'site:search',
      'catalog-verified',
      'committed',
    ]);
    expect(await build()).toEqual(['checked', 'written', 'verified']);
  }, 120_000);
});
