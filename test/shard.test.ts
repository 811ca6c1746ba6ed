// Sharded builds: the sample built as 3 shards (each its own folder, as on 3 machines) and
// merged is byte for byte the folder one build makes.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../src/pipeline/build.js';
import { mergeShards } from '../src/pipeline/merge.js';
import { inShard, parseShard } from '../src/pipeline/shard.js';
import type { EditionId } from '../src/render/registry.js';
import { pelita, readTree, tempDir, unitPagesText } from './support/cli.js';
import { REPO } from './support/fixtures.js';

const CONTENT = join(REPO, 'content');
const EDITIONS: EditionId[] = ['html', 'braille', 'pdf'];

describe('sharded build', () => {
  it('reads --shard i/n and refuses what is not one', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const text of ['0/3', '4/3', '1/0', '1-3', 'a/b']) expect(parseShard(text)).toBeUndefined();
  });

  it('gives each procedure to exactly one shard', () => {
    const sources = ['id/cuti-besar', 'jv/cuti-besar', 'id/izin-belajar', 'id/a', 'id/b', 'id/c'];
    for (const source of sources) {
      const owners = [1, 2, 3].filter((index) => inShard(source, { index, count: 3 }));
      expect(owners).toHaveLength(1);
    }
  });

  it('merges 3 shards of the sample into the folder one build makes', async () => {
    const root = tempDir('pelita-shard-');
    const single = join(root, 'single');
    const one = await runBuild({ contentDir: CONTENT, outDir: single, editions: EDITIONS });
    expect(one.built).toBe(one.documents);

    const shardDirs = [1, 2, 3].map((index) => join(root, `shard-${index}`));
    const rendered: string[][] = [];
    for (const [index, outDir] of shardDirs.entries()) {
      const sources = new Set<string>();
      await runBuild({
        contentDir: CONTENT,
        outDir,
        editions: EDITIONS,
        shard: { index: index + 1, count: 3 },
        observer: { editionStarted: (source) => sources.add(source) },
      });
      rendered.push([...sources]);
    }
    // Every shard has work, and together they render each document once.
    for (const sources of rendered) expect(sources.length).toBeGreaterThan(0);
    expect(rendered.flat().sort()).toEqual(one.checked.map((doc) => doc.source).sort());

    const merged = join(root, 'merged');
    await mergeShards({ outDir: merged, shardDirs, contentDir: CONTENT });
    const ran: string[] = [];
    await runBuild({
      contentDir: CONTENT,
      outDir: merged,
      editions: EDITIONS,
      observer: { editionStarted: (source, edition) => ran.push(`${edition} ${source}`) },
    });
    expect(ran).toEqual([]); // the merge renders nothing: it makes the site files from the shards' records

    const expected = readTree(single);
    const actual = readTree(merged);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [path, bytes] of expected) expect(actual.get(path)?.equals(bytes), path).toBe(true);
  }, 240_000);
});

describe('pelita build --shard and pelita merge', () => {
  it('build the shards and merge them from the command line; a wrong --shard is a usage error', () => {
    const root = tempDir('pelita-shard-cli-');
    const content = join(REPO, 'test/fixtures/registry');
    const shards = ['1/2', '2/2'].map((shard, index) => {
      const out = join(root, `shard-${index + 1}`);
      const run = pelita(['build', '--content', content, '--out', out, '--editions', 'html', '--shard', shard]);
      expect(run.status, run.stderr).toBe(0);
      return out;
    });
    const merged = join(root, 'site');
    const run = pelita(['merge', merged, ...shards, '--content', content, '--editions', 'html']);
    expect(run.status, run.stderr).toBe(0);
    // The build after the merge makes the site files: the unit pages list every procedure.
    const index = unitPagesText(merged, 'id');
    for (const slug of ['akta-kelahiran', 'kartu-identitas-anak', 'surat-pindah']) expect(index).toContain(slug);

    const wrong = pelita(['build', '--content', content, '--out', join(root, 'x'), '--shard', '4/3']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--shard 2/3');
  }, 60_000);
});
