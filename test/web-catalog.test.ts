// The split catalog: catalog.json indexes the languages, catalog/<lang>.json holds each
// language's procedures whole; every file validates with Ajv against the published schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { pelita, readTree, tempDir } from './support/cli.js';
import { FIXTURES, REPO } from './support/fixtures.js';

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
  return ajv.compile(json('catalog.schema.json'));
}

describe('catalog files', () => {
  it('publishes the schema of docs/ beside the catalog', () => {
    expect(files.get('catalog.schema.json')!.toString('utf8')).toBe(
      readFileSync(join(REPO, 'docs/catalog.schema.json'), 'utf8'),
    );
  });

  it('every catalog file validates against it', () => {
    const validate = validator();
    const catalogFiles = [...files.keys()].filter((path) => /^catalog(\/[a-z-]+)?\.json$/.test(path)).sort();
    expect(catalogFiles).toEqual(['catalog.json', 'catalog/id.json', 'catalog/jv.json']);
    for (const path of catalogFiles) {
      expect(validate(json(path)), `${path}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it('the index points at each language file; each holds only its own language', () => {
    const index = json('catalog.json');
    expect(index.languages).toEqual([
      { lang: 'id', name: 'Bahasa Indonesia', file: 'catalog/id.json', procedures: 3, untranslated: 0 },
      { lang: 'jv', name: 'Basa Jawa', file: 'catalog/jv.json', procedures: 1, untranslated: 2 },
    ]);
    const javanese = json('catalog/jv.json');
    expect(javanese.procedures.map((procedure: { lang: string }) => procedure.lang)).toEqual(['jv']);
    expect(javanese.untranslated).toEqual(['kartu-keluarga-baru', 'surat-pindah']);
  });

  it('keeps rich text: the free section’s table, the footnote and its reference', () => {
    const family = json('catalog/id.json').procedures.find(
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
    const broken = json('catalog/id.json');
    delete broken.procedures[0].title;
    broken.procedures[1].sections[0].blocks.push({ type: 'video', src: 'x' });
    expect(validate(broken)).toBe(false);
    const index = json('catalog.json');
    index.languages[0].file = '../etc/passwd';
    expect(validate(index)).toBe(false);
  });
});
