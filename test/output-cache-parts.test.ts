// The output cache on disk in parts (issue #16): an index and one part per bucket of
// procedures, so an edit rewrites one part, and the parts are those a cold build writes.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bucketCount, partOf } from '../src/pipeline/cache-parts.js';
import { CACHE_MANIFEST, CACHE_PARTS, type OutputCache, openCache } from '../src/pipeline/output-cache.js';
import { writeFileSafe } from '../src/pipeline/safe-write.js';
import type { Artifact } from '../src/render/types.js';
import { tempDir } from './support/cli.js';

const dirs = (count: number) => Array.from({ length: count }, (_, i) => `id/p-${i}`);

function fill(cache: OutputCache, procedures: readonly string[], edited?: string) {
  for (const dir of procedures) {
    const text = dir === edited ? `${dir} diubah\n` : `${dir}\n`;
    cache.record(`html:${dir}`, `key ${text}`, [{ path: `${dir}/index.html`, data: text }]);
    cache.recordResult(`build:${dir}`, `build ${text}`, { verifyKey: text });
  }
  cache.record('site', 'site key', [{ path: 'index.html', data: procedures.join('\n') }]);
}

async function write(out: string, artifacts: readonly Artifact[]) {
  for (const artifact of artifacts) await writeFileSafe(out, artifact.path, artifact.data);
}

const bytes = (artifact: Artifact) => Buffer.from(artifact.data);
const onDisk = (out: string, path: string) => readFileSync(join(out, ...path.split('/')));

describe('output cache in parts', () => {
  it('keeps each bucket of procedures in its own part, with the site entry apart', async () => {
    const out = tempDir();
    const cache = await openCache(out);
    fill(cache, dirs(200));
    const artifacts = cache.manifestParts();
    await write(out, artifacts);
    const index = JSON.parse(readFileSync(join(out, CACHE_MANIFEST), 'utf8'));
    expect(index.version).toBe(2);
    expect(index.buckets).toBe(8);
    expect(index.parts).toContain('site');
    expect(artifacts.map((artifact) => artifact.path).sort()).toEqual(
      [CACHE_MANIFEST, ...index.parts.map((name: string) => `${CACHE_PARTS}/${name}.json`)].sort(),
    );
    const site = JSON.parse(readFileSync(join(out, CACHE_PARTS, 'site.json'), 'utf8'));
    expect(Object.keys(site.entries)).toEqual(['site']);
    const part = JSON.parse(readFileSync(join(out, CACHE_PARTS, `${partOf('html:id/p-7', 8)}.json`), 'utf8'));
    expect(part.entries['html:id/p-7'].files[0].path).toBe('id/p-7/index.html');
    expect(part.entries['build:id/p-7']).toBeDefined();
    // Every entry of a part belongs to that part's bucket.
    for (const owner of Object.keys(part.entries)) expect(partOf(owner, 8)).toBe(partOf('html:id/p-7', 8));
  });

  it('an edit changes only its procedure’s part, and the parts are those a cold build writes', async () => {
    const out = tempDir();
    const first = await openCache(out);
    fill(first, dirs(200));
    await write(out, first.manifestParts());

    const again = await openCache(out);
    expect(again.recorded('html:id/p-150').map((file) => file.path)).toEqual(['id/p-150/index.html']);
    again.record('html:id/p-7', 'key id/p-7 diubah\n', [{ path: 'id/p-7/index.html', data: 'id/p-7 diubah\n' }]);
    again.recordResult('build:id/p-7', 'build id/p-7 diubah\n', { verifyKey: 'id/p-7 diubah\n' });
    const artifacts = again.manifestParts();
    const changed = artifacts.filter((artifact) => !bytes(artifact).equals(onDisk(out, artifact.path)));
    expect(changed.map((artifact) => artifact.path)).toEqual([`${CACHE_PARTS}/${partOf('html:id/p-7', 8)}.json`]);

    // A build with no past, recording the same entries, gives the same bytes.
    const cold = await openCache(undefined);
    fill(cold, dirs(200), 'id/p-7');
    const expected = new Map(cold.manifestParts().map((artifact) => [artifact.path, bytes(artifact)]));
    expect(new Map(artifacts.map((artifact) => [artifact.path, bytes(artifact)]))).toEqual(expected);
  });

  it('cuts the corpus into more parts as it grows, and fewer as it shrinks', async () => {
    expect([1, 32, 33, 64, 65, 1250, 12_500].map(bucketCount)).toEqual([1, 1, 2, 2, 4, 64, 512]);
    const out = tempDir();
    const cache = await openCache(out);
    fill(cache, dirs(40));
    await write(out, cache.manifestParts());
    expect(JSON.parse(readFileSync(join(out, CACHE_MANIFEST), 'utf8')).buckets).toBe(2);

    const fewer = await openCache(out);
    expect(fewer.recorded('html:id/p-39')).toHaveLength(1);
    fewer.forget((owner) => !/p-(2|3)\d$/.test(owner));
    await write(out, fewer.manifestParts());
    const index = JSON.parse(readFileSync(join(out, CACHE_MANIFEST), 'utf8'));
    expect(index).toEqual({ version: 2, buckets: 1, parts: ['0-of-1', 'site'] });
    const after = await openCache(out);
    expect(after.recorded('html:id/p-19')).toHaveLength(1);
    expect(after.recorded('html:id/p-39')).toEqual([]);
  });

  it('reuses nothing when a part is missing, and still reads a single-file manifest (format 1)', async () => {
    const out = tempDir();
    await writeFileSafe(out, 'id/x/audio.txt', 'halo\n');
    const cache = await openCache(out);
    cache.record('audio:id/x', 'key-1', [{ path: 'id/x/audio.txt', data: 'halo\n' }]);
    await write(out, cache.manifestParts());
    expect(await (await openCache(out)).reuse('audio:id/x', 'key-1')).toHaveLength(1);
    rmSync(join(out, CACHE_PARTS, '0-of-1.json'));
    expect(await (await openCache(out)).reuse('audio:id/x', 'key-1')).toBeUndefined();

    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    const entries = { 'audio:id/x': { key: sha('key-1'), files: [{ path: 'id/x/audio.txt', sha256: sha('halo\n') }] } };
    writeFileSync(join(out, CACHE_MANIFEST), JSON.stringify({ version: 1, entries }));
    const upgraded = await openCache(out);
    expect(await upgraded.reuse('audio:id/x', 'key-1')).toHaveLength(1);
    // Written back in parts.
    await write(out, upgraded.manifestParts());
    expect(existsSync(join(out, CACHE_PARTS, '0-of-1.json'))).toBe(true);
    expect(await (await openCache(out)).reuse('audio:id/x', 'key-1')).toHaveLength(1);
  });
});
