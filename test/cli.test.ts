// The `pelita` command end to end: exit codes, messages, what is and is not written.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalog } from '../src/render/catalog/read-catalog.js';
import { contentFolder, flatMessages, pelita, readTree, tempDir } from './support/cli.js';
import { FIXTURES, REPO, validProcedure } from './support/fixtures.js';

const broken = validProcedure((t) => t.replace('cost: Gratis\n', '').replace('1. Isi', '- Isi'));
const mixed = () =>
  contentFolder({
    'id/cuti-tahunan.md': validProcedure(),
    'id/cuti-besar.md': broken,
    'id/karis-karsu.md': 'tidak ada front matter\n',
    'jv/cuti-tahunan.md': validProcedure((t) =>
      t
        .replace('## Persyaratan', '## Syarat')
        .replace('## Prosedur', '## Tata Cara')
        .replace('## Pengaduan', '## Pangaduan'),
    ),
    'jv/cuti-hamil.md': validProcedure(),
  });

describe('pelita check', () => {
  it('lists every problem with file:line:column and exits 1', () => {
    const content = mixed();
    const { status, stderr } = pelita(['check', '--content', content]);
    expect(status).toBe(1);
    const lines = flatMessages(stderr).split('\n');
    expect(lines).toContain(
      `${join(content, 'id/cuti-besar.md')}:1:1  error  The required front-matter key "cost" is missing (the fee, "biaya/tarif" in UU 25/2009 art. 21). Add a line \`cost: …\` to the front matter.  missing-cost`,
    );
    expect(flatMessages(stderr)).toMatch(/id\/cuti-besar\.md:19:1 {2}error {2}.* {2}steps-not-numbered/);
    expect(flatMessages(stderr)).toMatch(/id\/karis-karsu\.md:1:1 {2}error {2}.* {2}missing-front-matter/);
    expect(flatMessages(stderr)).toMatch(/jv\/cuti-hamil\.md:1:1 {2}error {2}.* {2}orphan-translation/);
    expect(stderr).toContain('2 of 5 documents valid; 3 with errors');
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 0 on the sample content', () => {
    const { status, stderr } = pelita(['check']);
    expect(stderr).not.toMatch(/ {2}error {2}/);
    expect(status).toBe(0);
  });
});

describe('pelita build', () => {
  it('builds the good documents fully, nothing for the broken ones, and exits 1', async () => {
    const out = tempDir();
    const { status, stderr } = pelita(['build', '--content', mixed(), '--out', out]);
    expect(status).toBe(1);
    expect(stderr).toContain('2 of 5 documents built');
    const all = [...readTree(out).keys()].sort();
    // Each picture of the picture list is a file of its own, under pictograms/.
    expect(all.filter((path) => path.startsWith('id/cuti-tahunan/pictograms/'))).toContain(
      'id/cuti-tahunan/pictograms/form.svg',
    );
    const files = all.filter((path) => !path.includes('/pictograms/'));
    expect(files).toEqual([
      '.pelita-cache.json',
      '.pelita-cache/0-of-1.json',
      '.pelita-cache/site.json',
      '.pelita-output.json',
      '.pelita-site/id/cuti-tahunan.json',
      '.pelita-site/jv/cuti-tahunan.json',
      'assets/fonts/atkinson-hyperlegible-next-latin-400-italic.woff2',
      'assets/fonts/atkinson-hyperlegible-next-latin-400-normal.woff2',
      'assets/fonts/atkinson-hyperlegible-next-latin-700-normal.woff2',
      'assets/fonts/atkinson-hyperlegible-next-latin-ext-400-italic.woff2',
      'assets/fonts/atkinson-hyperlegible-next-latin-ext-400-normal.woff2',
      'assets/fonts/atkinson-hyperlegible-next-latin-ext-700-normal.woff2',
      'assets/fonts/noto-sans-javanese-javanese-400-normal.woff2',
      'assets/fonts/noto-sans-javanese-javanese-700-normal.woff2',
      'assets/minisearch.js',
      'assets/pelita-search.js',
      'assets/pelita.css',
      'catalog.json',
      'catalog.schema.json',
      'catalog/id/1.json',
      'catalog/jv/1.json',
      'feed.xml',
      'id/cuti-tahunan/.pelita-procedure.json',
      'id/cuti-tahunan/audio-chapters.vtt',
      'id/cuti-tahunan/audio.mp3',
      'id/cuti-tahunan/audio.txt',
      'id/cuti-tahunan/audio.vtt',
      'id/cuti-tahunan/braille.brf',
      'id/cuti-tahunan/braille.html',
      'id/cuti-tahunan/braille.pef',
      'id/cuti-tahunan/braille.txt',
      'id/cuti-tahunan/fragment.html',
      'id/cuti-tahunan/index.html',
      'id/cuti-tahunan/large-print.pdf',
      'id/cuti-tahunan/leaflet.pdf',
      'id/cuti-tahunan/pictograms.pdf',
      'id/cuti-tahunan/pictograms.png',
      'id/cuti-tahunan/pictograms.svg',
      'id/cuti-tahunan/talking-book.epub',
      'id/cuti-tahunan/transcript.txt',
      'index.html',
      'jv/cuti-tahunan/.pelita-procedure.json',
      'jv/cuti-tahunan/audio-chapters.vtt',
      'jv/cuti-tahunan/audio.mp3',
      'jv/cuti-tahunan/audio.txt',
      'jv/cuti-tahunan/audio.vtt',
      'jv/cuti-tahunan/braille.brf',
      'jv/cuti-tahunan/braille.html',
      'jv/cuti-tahunan/braille.pef',
      'jv/cuti-tahunan/braille.txt',
      'jv/cuti-tahunan/fragment.html',
      'jv/cuti-tahunan/index.html',
      'jv/cuti-tahunan/large-print.pdf',
      'jv/cuti-tahunan/leaflet.pdf',
      'jv/cuti-tahunan/pictograms.pdf',
      'jv/cuti-tahunan/pictograms.png',
      'jv/cuti-tahunan/pictograms.svg',
      'jv/cuti-tahunan/talking-book.epub',
      'jv/cuti-tahunan/transcript.txt',
      'jv/index.html',
      'robots.txt',
      'search/id.js',
      'search/id/1.js',
      'search/jv.js',
      'search/jv/1.js',
      'sitemap-1.xml',
      'sitemap.xml',
      'unit/id/bidang-mutasi/index.html',
      'unit/jv/bidang-mutasi/index.html',
    ]);
    const catalog = (await readCatalog(out)) as { languages: { procedures: { lang: string; slug: string }[] }[] };
    const listed = catalog.languages.flatMap((group: { procedures: { lang: string; slug: string }[] }) =>
      group.procedures.map((p) => `${p.lang}/${p.slug}`),
    );
    expect(listed).toEqual(['id/cuti-tahunan', 'jv/cuti-tahunan']);
  });

  it('leaves the older good outputs of a document that now has errors untouched', () => {
    const content = contentFolder({ 'id/cuti-tahunan.md': validProcedure() });
    const out = tempDir();
    expect(pelita(['build', '--content', content, '--out', out]).status).toBe(0);
    const page = join(out, 'id/cuti-tahunan/index.html');
    const before = readFileSync(page);
    const mtime = statSync(page).mtimeMs;
    writeFileSync(join(content, 'id/cuti-tahunan.md'), broken.replace('Cuti Tahunan', 'Judul Baru'));
    expect(pelita(['build', '--content', content, '--out', out]).status).toBe(1);
    expect(readFileSync(page).equals(before)).toBe(true);
    expect(statSync(page).mtimeMs).toBe(mtime);
  });

  it('gives byte-identical output for the same input', () => {
    const [a, b] = [tempDir(), tempDir()];
    expect(pelita(['build', '--out', a]).status).toBe(0);
    expect(pelita(['build', '--out', b]).status).toBe(0);
    const [treeA, treeB] = [readTree(a), readTree(b)];
    expect(treeA.size).toBeGreaterThan(30);
    expect([...treeA.keys()].sort()).toEqual([...treeB.keys()].sort());
    for (const [path, bytes] of treeA) expect(bytes.equals(treeB.get(path)!), path).toBe(true);
  }, 600_000); // two full builds, including speech with the default (embedded) engine

  it('builds any content that follows the contract: emoji, other scripts, nested lists, tables', () => {
    const content = contentFolder({
      'id/serba-serbi.md': readFileSync(join(FIXTURES, 'golden/id-serba-serbi/input.md'), 'utf8'),
      'id/cuti-tahunan.md': readFileSync(join(FIXTURES, 'golden/id-cuti-tahunan/input.md'), 'utf8'),
      'jv/cuti-tahunan.md': readFileSync(join(FIXTURES, 'golden/jv-cuti-tahunan/input.md'), 'utf8'),
    });
    const out = tempDir();
    const { status, stderr } = pelita(['build', '--content', content, '--out', out]);
    expect(stderr).toContain('3 of 3 documents built');
    // Every file is written; verify then says honestly what the Braille cannot carry: text in
    // aksara Jawa and Arabic becomes a transcriber's note there (the PDFs now have fonts for both).
    expect(status).toBe(1);
    const lost = flatMessages(stderr)
      .split('\n')
      .filter((line) => line.includes('edition-missing-text'))
      .map((line) => /:(\d+):\d+ +error +The (\S+) edition/.exec(line)?.slice(1).join(' '));
    expect(lost).toEqual(['3 braille', '15 braille']);
    const page = readFileSync(join(out, 'id/serba-serbi/index.html'), 'utf8');
    expect(page).toContain('ꦲꦏ꧀ꦱꦫ');
    expect(page).toContain('😀');
    expect(page).toContain('\u00a0');
    expect(readTree(out).keys()).not.toContain(expect.stringMatching(/tmp/));
  });

  it('writes nothing when site.yaml is broken, and says where', () => {
    const content = contentFolder({ 'id/cuti-tahunan.md': validProcedure() });
    writeFileSync(join(content, 'site.yaml'), 'name: Kantor\nurl: [tidak valid\n');
    const out = tempDir();
    const { status, stderr } = pelita(['build', '--content', content, '--out', out]);
    expect(status).toBe(1);
    expect(flatMessages(stderr)).toMatch(/site\.yaml:2:6 {2}error {2}site\.yaml is not valid YAML/);
    expect(readTree(out).size).toBe(0);
  });
});

describe('usage', () => {
  it('--help names the commands and exits 0', () => {
    const { status, stdout } = pelita(['--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/build/);
    expect(stdout).toMatch(/check/);
    expect(pelita(['build', '--help']).stdout).toContain('--out <dir>');
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    expect(pelita(['--version']).stdout.trim()).toBe(version);
  });

  it('exits 2 for an unknown command, an unknown option or a missing content folder', () => {
    expect(pelita(['publish']).status).toBe(2);
    expect(pelita(['build', '--colour']).status).toBe(2);
    const missing = pelita(['check', '--content', '/nonexistent/folder']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('The content folder was not found: /nonexistent/folder');
    expect(existsSync(join(REPO, 'nonexistent'))).toBe(false);
  });
});

describe('deleted procedures', () => {
  it('lose the files Pelita wrote; pages of documents with errors and files Pelita did not write stay', () => {
    const content = contentFolder({ 'id/cuti-tahunan.md': validProcedure(), 'id/cuti-besar.md': validProcedure() });
    const out = tempDir();
    expect(pelita(['build', '--content', content, '--out', out]).status).toBe(0);
    writeFileSync(join(out, 'id/cuti-besar/catatan-kantor.txt'), 'bukan buatan Pelita');
    mkdirSync(join(out, 'id/lama'));
    writeFileSync(join(out, 'id/lama/index.html'), '<p>lama</p>');
    rmSync(join(content, 'id/cuti-besar.md'));
    writeFileSync(join(content, 'id/cuti-tahunan.md'), broken);
    const { stderr } = pelita(['build', '--content', content, '--out', out]);
    expect(stderr).toContain('id/cuti-besar: its output was removed, because its source file is gone.');
    expect(readdirSync(join(out, 'id/cuti-besar'))).toEqual(['catatan-kantor.txt']);
    expect(existsSync(join(out, 'id/lama/index.html'))).toBe(true); // not in the manifest: not Pelita's
    expect(existsSync(join(out, 'id/cuti-tahunan/index.html'))).toBe(true); // has errors: older outputs stay
  });
});
