// The pipeline's output cache: a slow renderer's files are reused only while its cache key
// and the files on disk are unchanged.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../src/pipeline/build.js';
import { CACHE_MANIFEST, CACHE_PARTS, openCache } from '../src/pipeline/output-cache.js';
import { writeFileSafe } from '../src/pipeline/safe-write.js';
import type { Artifact } from '../src/render/types.js';
import { contentFolder, tempDir } from './support/cli.js';
import { validProcedure } from './support/fixtures.js';

const files = [
  { path: 'id/x/audio.mp3', data: new Uint8Array([1, 2, 3]), facts: { durationSeconds: 1.5 } },
  { path: 'id/x/audio.txt', data: 'halo\n' },
];

async function writeArtifacts(out: string, artifacts: Artifact[]) {
  for (const artifact of artifacts) await writeFileSafe(out, artifact.path, artifact.data);
}

async function recorded(out: string) {
  await writeArtifacts(out, files);
  const cache = await openCache(out);
  cache.record('audio:id/x', 'key-1', files);
  await writeArtifacts(out, cache.manifestParts());
}

describe('output cache', () => {
  it('gives back the files, with their facts, when the key matches', async () => {
    const out = tempDir();
    await recorded(out);
    const reused = await (await openCache(out)).reuse('audio:id/x', 'key-1');
    expect(reused?.map((artifact) => artifact.path)).toEqual(['id/x/audio.mp3', 'id/x/audio.txt']);
    expect(reused?.[0]?.data).toEqual(new Uint8Array([1, 2, 3]));
    expect(reused?.[0]?.facts).toEqual({ durationSeconds: 1.5 });
  });

  it('renders again when the key changed, a file changed or disappeared, or the manifest is unreadable', async () => {
    const out = tempDir();
    await recorded(out);
    expect(await (await openCache(out)).reuse('audio:id/x', 'key-2')).toBeUndefined();
    expect(await (await openCache(out)).reuse('audio:id/y', 'key-1')).toBeUndefined();
    writeFileSync(join(out, 'id/x/audio.txt'), 'diubah\n');
    expect(await (await openCache(out)).reuse('audio:id/x', 'key-1')).toBeUndefined();
    writeFileSync(join(out, CACHE_MANIFEST), '{ not json');
    expect(await (await openCache(out)).reuse('audio:id/x', 'key-1')).toBeUndefined();
  });

  it('keeps no clock or absolute path in the manifest', async () => {
    const out = tempDir();
    await recorded(out);
    const index = readFileSync(join(out, CACHE_MANIFEST), 'utf8');
    expect(JSON.parse(index)).toEqual({ version: 2, buckets: 1, parts: ['0-of-1'] });
    const part = readFileSync(join(out, CACHE_PARTS, '0-of-1.json'), 'utf8');
    expect(part).not.toContain(out);
    expect(JSON.parse(part).entries['audio:id/x'].files[0].facts).toEqual({ durationSeconds: 1.5 });
  });

  it('lets a build reuse the audio edition until the text or the speech settings change', async () => {
    const content = contentFolder({ 'id/cuti-tahunan.md': validProcedure() });
    const out = tempDir();
    const build = (speechEngine: 'embedded' | 'native' = 'embedded') =>
      runBuild({ contentDir: content, outDir: out, settings: { speechEngine } });
    const first = await build();
    expect(first.written).toContain('id/cuti-tahunan/audio.mp3');
    expect(first.reused).toEqual([]);
    const catalogBefore = readFileSync(join(out, 'catalog/id/1.json'), 'utf8');

    const second = await build();
    // Every edition's key is unchanged, so every file is reused, the audio among them.
    expect(second.reused).toEqual(expect.arrayContaining(['id/cuti-tahunan/audio.mp3', 'id/cuti-tahunan/audio.txt']));
    expect(second.written).not.toContain('id/cuti-tahunan/audio.mp3');
    expect(readFileSync(join(out, 'catalog/id/1.json'), 'utf8')).toBe(catalogBefore); // duration kept

    expect((await build('native')).reused).toEqual([]);
    writeFileSync(
      join(content, 'id/cuti-tahunan.md'),
      validProcedure((t) => t.replace('Cuti Tahunan', 'Cuti Tahunan PNS')),
    );
    const changed = await build('native');
    // Every file of the procedure is made again; the language index (it lists units, not
    // titles) and the sitemap index (it lists parts) stay as they are.
    expect(changed.reused.filter((path) => path.startsWith('id/cuti-tahunan/'))).toEqual([]);
    expect(changed.written).toEqual(
      expect.arrayContaining(['id/cuti-tahunan/audio.mp3', 'unit/id/bidang-mutasi/index.html']),
    );
    expect(readFileSync(join(out, 'id/cuti-tahunan/audio.txt'), 'utf8')).toContain('Cuti Tahunan pe en es');
  }, 120_000);
});
