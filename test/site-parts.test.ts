// Site files in parts: an edit makes again only the catalog and search parts that list the
// edited procedure; the others are kept from the last build, unread. Parts that shift or go
// are made again or removed, and the folder is the one a cold build makes.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../src/pipeline/build.js';
import { CATALOG_PART_SIZE } from '../src/render/catalog/catalog-renderer.js';
import { SEARCH_PART_SIZE } from '../src/render/html/search-renderer.js';
import { readTree, tempDir } from './support/cli.js';
import { FIXTURES } from './support/fixtures.js';

process.env.XDG_CACHE_HOME = tempDir('pelita-cache-home-');

const COUNT = 2 * CATALOG_PART_SIZE + 5;
const source = readFileSync(join(FIXTURES, 'registry/id/kartu-identitas-anak.md'), 'utf8');
const slug = (n: number) => `layanan-${String(n).padStart(3, '0')}`;

/** COUNT procedures of one kind, each its own office's: three catalog and search parts. */
function corpus(): string {
  const content = join(tempDir('pelita-parts-'), 'content');
  mkdirSync(join(content, 'id'), { recursive: true });
  cpSync(join(FIXTURES, 'registry/site.yaml'), join(content, 'site.yaml'));
  for (let n = 1; n <= COUNT; n++)
    writeFileSync(
      join(content, `id/${slug(n)}.md`),
      source.replace('(KIA)', `(KIA) di Kelurahan ${n}`).replace('1 hari kerja', `${1 + (n % 3)} hari kerja`),
    );
  return content;
}

const build = async (contentDir: string, outDir: string) => runBuild({ contentDir, outDir, editions: ['html'] });

describe('site files in parts', () => {
  it('makes again only the parts that list an edited procedure; shifted parts follow; as a cold build', async () => {
    expect(SEARCH_PART_SIZE).toBe(CATALOG_PART_SIZE); // the test's parts are both kinds'
    const content = corpus();
    const out = join(tempDir('pelita-parts-out-'), 'out');
    await build(content, out);
    const parts = (n: number) => [`catalog/id/${n}.json`, `search/id/${n}.js`];
    expect(readTree(out).has('catalog/id/3.json')).toBe(true);

    // Procedure 150 is in the second part of 100.
    const edited = join(content, `id/${slug(150)}.md`);
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('Kutipan akta kelahiran', 'Salinan akta kelahiran'));
    const one = await build(content, out);
    expect(one.written).toEqual(expect.arrayContaining(parts(2)));
    for (const kept of [...parts(1), ...parts(3)]) {
      expect(one.written).not.toContain(kept);
      expect(one.reused).toContain(kept);
    }
    expect(readFileSync(join(out, 'catalog/id/2.json'), 'utf8')).toContain('Salinan akta kelahiran');

    // Ten procedures of the first part go: every later member shifts, and the third part goes.
    for (let n = 1; n <= 10; n++) rmSync(join(content, `id/${slug(n)}.md`));
    const fewer = await build(content, out);
    expect(fewer.written).toEqual(expect.arrayContaining([...parts(1), ...parts(2)]));
    expect(readTree(out).has('catalog/id/3.json')).toBe(false);
    expect(readTree(out).has('search/id/3.js')).toBe(false);

    const cold = join(tempDir('pelita-parts-cold-'), 'out');
    await build(content, cold);
    expect(readTree(out)).toEqual(readTree(cold));
  }, 300_000);
});
