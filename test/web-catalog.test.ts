// The split catalog: catalog.json indexes the languages and their parts, catalog/<lang>/<n>.json
// holds at most CATALOG_PART_SIZE procedures of a language whole; every file validates with Ajv
// against the published schema.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_PART_SIZE } from '../src/render/catalog/catalog-renderer.js';
import { readCatalog } from '../src/render/catalog/read-catalog.js';
import { contentFolder, pelita, readTree, tempDir } from './support/cli.js';
import { FIXTURES, REPO, validProcedure } from './support/fixtures.js';

const out = tempDir('pelita-catalog-');
let files: Map<string, Buffer>;
const json = (path: string) => JSON.parse(files.get(path)!.toString('utf8'));

beforeAll(() => {
  const build = pelita(['build', '--content', join(FIXTURES, 'web'), '--out', out, '--editions', 'html']);
  if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
  files = readTree(out);
});

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  return ajv.compile(JSON.parse(readFileSync(join(REPO, 'docs/catalog.schema.json'), 'utf8')));
}

const catalogPath = /^catalog(\/[a-z-]+\/[0-9]+)?\.json$/;

describe('catalog files', () => {
  it('publishes the schema of docs/ beside the catalog', () => {
    expect(files.get('catalog.schema.json')!.toString('utf8')).toBe(
      readFileSync(join(REPO, 'docs/catalog.schema.json'), 'utf8'),
    );
  });

  it('every catalog file validates against it', () => {
    const validate = validator();
    const catalogFiles = [...files.keys()].filter((path) => catalogPath.test(path)).sort();
    expect(catalogFiles).toEqual(['catalog.json', 'catalog/id/1.json', 'catalog/jv/1.json']);
    for (const path of catalogFiles) {
      expect(validate(json(path)), `${path}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it('the index points at the parts of each language; each holds only its own language', () => {
    const index = json('catalog.json');
    expect(index.partSize).toBe(CATALOG_PART_SIZE);
    expect(index.languages).toEqual([
      {
        lang: 'id',
        name: 'Bahasa Indonesia',
        procedures: 3,
        parts: [{ file: 'catalog/id/1.json', procedures: 3, first: 'akta-kelahiran', last: 'surat-pindah' }],
        untranslated: [],
      },
      {
        lang: 'jv',
        name: 'Basa Jawa',
        procedures: 1,
        parts: [{ file: 'catalog/jv/1.json', procedures: 1, first: 'akta-kelahiran', last: 'akta-kelahiran' }],
        untranslated: ['kartu-keluarga-baru', 'surat-pindah'],
      },
    ]);
    const javanese = json('catalog/jv/1.json');
    expect(javanese).toMatchObject({ kind: 'part', lang: 'jv', name: 'Basa Jawa', part: 1, parts: 1 });
    expect(javanese.procedures.map((procedure: { lang: string }) => procedure.lang)).toEqual(['jv']);
  });

  it('keeps rich text: the free section’s table, the footnote and its reference', () => {
    const family = json('catalog/id/1.json').procedures.find(
      (procedure: { slug: string }) => procedure.slug === 'kartu-keluarga-baru',
    );
    const schedule = family.sections.find((section: { title: string }) => section.title === 'Jadwal Loket');
    expect(schedule.kind).toBe('free');
    expect(schedule.blocks[0].type).toBe('table');
    expect(schedule.blocks[0].header[0]).toEqual({ content: [{ type: 'text', value: 'Hari' }] });
    expect(family.notes[0].number).toBe(1);
    expect(JSON.stringify(family.introduction)).toContain('{"type":"noteRef","number":1}');
    expect(family.editions['index.html']).toEqual({ path: 'id/kartu-keluarga-baru/index.html', bytes: null });
  });

  it('the schema rejects what it should (the check itself works)', () => {
    const validate = validator();
    const broken = json('catalog/id/1.json');
    delete broken.procedures[0].title;
    broken.procedures[1].sections[0].blocks.push({ type: 'video', src: 'x' });
    expect(validate(broken)).toBe(false);
    const index = json('catalog.json');
    index.languages[0].file = '../etc/passwd';
    expect(validate(index)).toBe(false);
  });
});

describe('a language of more than CATALOG_PART_SIZE procedures', () => {
  const count = 2 * CATALOG_PART_SIZE + 5;
  const slugs = Array.from({ length: count }, (_, i) => `layanan-${String(i).padStart(3, '0')}`);
  const content = contentFolder(
    Object.fromEntries(
      slugs.map((slug, i) => [
        `id/${slug}.md`,
        validProcedure((text) =>
          text
            .replace('title: Cuti Tahunan', `title: Layanan Nomor ${i}`)
            .replace('Isi formulir.', `Isi formulir ${i}.`),
        ),
      ]),
    ),
  );
  const built = tempDir('pelita-catalog-parts-');
  let tree: Map<string, Buffer>;
  const read = (path: string) => JSON.parse(tree.get(path)!.toString('utf8'));

  beforeAll(() => {
    const build = pelita(['build', '--content', content, '--out', built, '--editions', 'html']);
    if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
    tree = readTree(built);
  }, 300_000);

  it('is split at CATALOG_PART_SIZE, in slug order, each procedure listed exactly once', () => {
    const index = read('catalog.json');
    const [language] = index.languages;
    expect(language.procedures).toBe(count);
    const parts = language.parts as { file: string; procedures: number; first: string; last: string }[];
    expect(parts.map((part) => part.file)).toEqual(['catalog/id/1.json', 'catalog/id/2.json', 'catalog/id/3.json']);
    expect(parts.map((part) => part.procedures)).toEqual([CATALOG_PART_SIZE, CATALOG_PART_SIZE, 5]);
    const listed: string[] = [];
    const validate = validator();
    for (const [n, ref] of parts.entries()) {
      const part = read(ref.file);
      expect(validate(part), `${ref.file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
      expect(part).toMatchObject({ kind: 'part', lang: 'id', part: n + 1, parts: 3 });
      expect(part.procedures.length).toBeLessThanOrEqual(CATALOG_PART_SIZE);
      const own = part.procedures.map((procedure: { slug: string }) => procedure.slug);
      expect([own[0], own.at(-1), own.length]).toEqual([ref.first, ref.last, ref.procedures]);
      listed.push(...own);
    }
    expect(validate(index), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(listed).toEqual(slugs);
    // No part file but those the index lists.
    expect([...tree.keys()].filter((path) => path.startsWith('catalog/')).sort()).toEqual(
      parts.map((part) => part.file).sort(),
    );
  });

  it('verify reads every part back, and names the part an entry is missing from', async () => {
    const whole = (await readCatalog(built)) as { languages: { procedures: { slug: string }[] }[] };
    expect(whole.languages[0]!.procedures.map((procedure) => procedure.slug)).toEqual(slugs);
    const good = pelita(['verify', '--content', content, '--out', built]);
    expect(good.status, good.stderr).toBe(0);
    expect(good.stderr).toMatch(/^catalog: (\d+)\/\1 texts$/m);
    // One text taken out of the last part's entry: verify finds it there.
    const path = join(built, 'catalog/id/3.json');
    const before = readFileSync(path, 'utf8');
    writeFileSync(path, before.replaceAll('Isi formulir 204.', 'Isi.'));
    const bad = pelita(['verify', '--content', content, '--out', built]);
    writeFileSync(path, before);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('catalog/id/3.json');
    expect(bad.stderr).toContain('Isi formulir 204.');
  }, 120_000);

  it('drops the parts a smaller corpus no longer has', () => {
    for (const slug of slugs.slice(CATALOG_PART_SIZE)) rmSync(join(content, 'id', `${slug}.md`));
    const build = pelita(['build', '--content', content, '--out', built, '--editions', 'html']);
    expect(build.status, build.stderr).toBe(0);
    tree = readTree(built);
    expect(read('catalog.json').languages[0].parts).toEqual([
      { file: 'catalog/id/1.json', procedures: CATALOG_PART_SIZE, first: slugs[0], last: slugs[CATALOG_PART_SIZE - 1] },
    ]);
    expect([...tree.keys()].filter((path) => path.startsWith('catalog/'))).toEqual(['catalog/id/1.json']);
  }, 120_000);
});
