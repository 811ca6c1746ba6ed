// The Braille edition end to end: the sample content built by the CLI, every file
// checked the way an embossing office and a PEF validator would.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { brailleRenderer } from '../src/render/braille/braille-renderer.js';
import { toAsciiBraille } from '../src/render/braille/serialise.js';
import type { ProcedureRun } from '../src/render/types.js';
import { NATIVE_INSTALLED } from './support/braille.js';
import { pelita, readTree, tempDir } from './support/cli.js';
import { check, expectGolden, FIXTURES, REPO, renderContext, validProcedure } from './support/fixtures.js';

// The PEF 1.0 schema sits in ../shared/pef beside the repository (two levels up from a worktree).
const SCHEMA =
  process.env.PEF_SCHEMA ??
  [join(REPO, '..', 'shared'), join(REPO, '..', '..', 'shared')]
    .map((dir) => join(dir, 'pef', 'pef-2008-1.rng'))
    .find((path) => existsSync(path)) ??
  '';
const COLS = 40;
const ROWS = 28;

let out: string;
let files: Map<string, Buffer>;
const braille = (ext: string) => [...files.keys()].filter((path) => path.endsWith(`/braille.${ext}`)).sort();

beforeAll(() => {
  out = tempDir('pelita-braille-');
  const build = pelita(['build', '--out', out]);
  if (build.status !== 0) throw new Error(`sample build failed:\n${build.stderr}`);
  files = readTree(out);
});

function pefPages(pef: string): string[][] {
  return [...pef.matchAll(/<page>([\s\S]*?)<\/page>/g)].map((page) =>
    [...(page[1] ?? '').matchAll(/<row>(.*?)<\/row>|<row\/>/g)].map((row) => row[1] ?? ''),
  );
}

describe('Braille edition of the sample content', () => {
  it('writes BRF, PEF, text proof and proof page for every procedure, and the page links them', () => {
    const pages = [...files.keys()].filter((path) => /^(id|jv)\/[^/]+\/index\.html$/.test(path));
    expect(pages.length).toBe(16);
    for (const page of pages) {
      const dir = page.slice(0, -'index.html'.length);
      for (const name of ['braille.brf', 'braille.pef', 'braille.txt', 'braille.html']) {
        expect(files.has(`${dir}${name}`), `${dir}${name}`).toBe(true);
      }
      const html = files.get(page)?.toString('utf8') ?? '';
      for (const name of ['braille.brf', 'braille.pef', 'braille.txt', 'braille.html']) {
        expect(html).toContain(`href="${name}"`);
      }
    }
  });

  it.skipIf(!SCHEMA)('writes PEF files that validate against the PEF 1.0 RELAX NG schema', () => {
    const paths = braille('pef').map((path) => join(out, path));
    const result = spawnSync('xmllint', ['--noout', '--relaxng', SCHEMA, ...paths], { encoding: 'utf8' });
    expect(result.stderr.split('\n').filter((line) => line && !line.endsWith(' validates'))).toEqual([]);
    expect(result.status).toBe(0);
  });

  it('keeps the PEF Schematron rules: rows fit the page, cells only U+2800–U+28FF', () => {
    for (const path of braille('pef')) {
      const pef = files.get(path)?.toString('utf8') ?? '';
      expect(pef).toContain(`<volume cols="${COLS}" rows="${ROWS}" rowgap="0" duplex="false">`);
      for (const page of pefPages(pef)) {
        expect(page.length).toBeLessThanOrEqual(ROWS);
        for (const row of page) {
          expect(row).toMatch(/^[\u2800-\u28ff]*$/);
          expect([...row].length).toBeLessThanOrEqual(COLS);
        }
      }
    }
  });

  it('fills the PEF metadata from the procedure, not from the clock', () => {
    const pef = files.get('id/cuti-tahunan/braille.pef')?.toString('utf8') ?? '';
    expect(pef).toContain('<dc:format>application/x-pef+xml</dc:format>');
    expect(pef).toContain('<dc:title>Cuti Tahunan PNS</dc:title>');
    expect(pef).toContain('<dc:language>id</dc:language>');
    expect(pef).toContain('<dc:date>2025-09-15</dc:date>');
    expect(pef).toMatch(/<dc:identifier>pelita:id\/cuti-tahunan:[0-9a-f]{16}<\/dc:identifier>/);
    const jv = files.get('jv/cuti-tahunan/braille.pef')?.toString('utf8') ?? '';
    expect(jv).toContain('<dc:language>jv</dc:language>');
  });

  it('writes BRF with CR LF lines, form feeds between pages, ≤ 40 cells and ≤ 25 lines, same pages as the PEF', () => {
    for (const path of braille('brf')) {
      const brf = files.get(path)?.toString('latin1') ?? '';
      expect(brf).toMatch(/^[ -~\r\n\f]*\r\n$/);
      expect(brf.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const pages = brf.split('\f').map((page) => page.split('\r\n').slice(0, -1));
      const pef = pefPages(files.get(path.replace(/brf$/, 'pef'))?.toString('utf8') ?? '');
      expect(pages.length).toBe(pef.length);
      pages.forEach((lines, index) => {
        expect(lines.length).toBeLessThanOrEqual(ROWS);
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(COLS);
        expect(lines).toEqual((pef[index] ?? []).map(toAsciiBraille));
      });
    }
  });

  it('writes the text proof with the same pages as the PEF', () => {
    for (const path of braille('txt')) {
      const text = files.get(path)?.toString('utf8') ?? '';
      const pages = text
        .trimEnd()
        .split(/\n\n(?=--- \d+ ---\n)/)
        .map((page) => page.split('\n').slice(1));
      expect(pages).toEqual(pefPages(files.get(path.replace(/txt$/, 'pef'))?.toString('utf8') ?? ''));
    }
  });

  it('numbers pages in braille at the end of the last line, with the running head on later pages', () => {
    const pef = pefPages(files.get('id/cuti-tahunan/braille.pef')?.toString('utf8') ?? '');
    expect(pef.length).toBeGreaterThan(2);
    expect(pef[0]?.at(-1)).toBe(`${'⠀'.repeat(COLS - 2)}⠼⠁`);
    expect(pef[1]?.at(-1)).toBe(`${'⠀'.repeat(COLS - 2)}⠼⠃`);
    expect(pef[1]?.[0]).toBe('⠠⠉⠥⠞⠊⠀⠠⠞⠁⠓⠥⠝⠁⠝⠀⠠⠠⠏⠝⠎');
    expect(pef[0]?.[0]?.trim()).toBe('⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠠⠉⠥⠞⠊⠀⠠⠞⠁⠓⠥⠝⠁⠝⠀⠠⠠⠏⠝⠎');
  });

  it('maps every cell to North American ASCII braille as liblouis en-us-brf.dis does', () => {
    const cells = Array.from({ length: 64 }, (_, bits) => String.fromCodePoint(0x2800 + bits)).join('');
    expect(toAsciiBraille(cells)).toBe(' A1B\'K2L@CIF/MSP"E3H9O6R^DJG>NTQ,*5<-U8V.%[$+X!&;:4\\0Z7(_?W]#Y)=');
    if (NATIVE_INSTALLED) {
      const result = spawnSync('lou_translate', ['--forward', 'en-us-brf.dis,braille-patterns.cti'], {
        input: `${cells}\n`,
        encoding: 'utf8',
      });
      expect(result.stdout).toBe(`${toAsciiBraille(cells)}\n`);
    }
  });

  it('shows each braille page beside its print text on the proof page', () => {
    const html = files.get('id/cuti-tahunan/braille.html')?.toString('utf8') ?? '';
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('<h2 id="braille-page-1">Halaman Braille 1</h2>');
    expect(html).toContain('<p>Cuti Tahunan PNS</p>');
    expect(html).toMatch(/<pre class="pelita-braille-cells" lang="id-Brai"[^>]*>⠀+⠠⠉⠥⠞⠊/);
  });

  it.skipIf(!NATIVE_INSTALLED)(
    'gives byte-identical files with --braille-engine native',
    () => {
      const native = tempDir('pelita-braille-native-');
      const build = pelita(['build', '--out', native, '--braille-engine', 'native']);
      expect(build.status, build.stderr).toBe(0);
      const nativeFiles = readTree(native);
      for (const ext of ['brf', 'pef', 'txt', 'html']) {
        for (const path of braille(ext))
          expect(nativeFiles.get(path)?.equals(files.get(path) ?? Buffer.alloc(0)), path).toBe(true);
      }
    },
    300_000,
  ); // a full sample build, speech included
});

describe('golden braille', () => {
  it('matches the reviewed proof of the cuti-tahunan fixture (id and jv)', async () => {
    const source = (name: string) => readFileSync(join(FIXTURES, 'golden', name, 'input.md'), 'utf8');
    // A translation builds only beside its source document.
    const checked = await check({
      'id/cuti-tahunan.md': source('id-cuti-tahunan'),
      'jv/cuti-tahunan.md': source('jv-cuti-tahunan'),
    });
    const context = await renderContext(checked);
    for (const doc of checked) {
      const procedure = doc.procedure;
      if (!procedure) throw new Error(`${doc.file.path} did not build`);
      const name = `${procedure.lang}-cuti-tahunan`;
      const run: ProcedureRun = { earlier: [], warn: () => {} };
      const artifacts = (await brailleRenderer.renderProcedure?.(context.outline(procedure), context, run)) ?? [];
      const text = artifacts.find((artifact) => artifact.path.endsWith('braille.txt'))?.data.toString() ?? '';
      expectGolden(join(FIXTURES, 'braille', `${name}.txt`), text);
    }
  });
});

describe('characters the table does not know', () => {
  it('drops invisible format characters instead of warning about them', async () => {
    const input = validProcedure((text) => text.replace('Pengantar singkat.', 'Peng\u00adantar\u200b sing\ufeffkat.'));
    const checked = await check({ 'id/cuti-tahunan.md': input });
    const procedure = checked[0]?.procedure;
    if (!procedure) throw new Error('procedure did not build');
    const warnings: string[] = [];
    const run: ProcedureRun = { earlier: [], warn: (reason) => warnings.push(reason) };
    const artifacts =
      (await brailleRenderer.renderProcedure?.(
        (await renderContext(checked)).outline(procedure),
        await renderContext(checked),
        run,
      )) ?? [];
    expect(warnings).toEqual([]);
    const text = artifacts.find((artifact) => artifact.path.endsWith('braille.txt'))?.data.toString() ?? '';
    expect(text).toContain('⠠⠏⠑⠝⠛⠁⠝⠞⠁⠗⠀⠎⠊⠝⠛⠅⠁⠞⠲');
  });

  it("are dropped (emoji) or named in a transcriber's note (other scripts), with a positioned warning, never a placeholder cell", async () => {
    const input = readFileSync(join(FIXTURES, 'golden', 'id-serba-serbi', 'input.md'), 'utf8');
    const checked = await check({ 'id/serba-serbi.md': input });
    const procedure = checked[0]?.procedure;
    if (!procedure) throw new Error('fixture did not build');
    const warnings: string[] = [];
    const run: ProcedureRun = {
      earlier: [],
      warn: (reason, place, ruleId) => {
        const start = place && 'start' in place ? place.start : place;
        warnings.push(`${start?.line}:${start?.column} ${ruleId} ${reason.slice(0, 45)}`);
      },
    };
    const artifacts = await brailleRenderer.renderProcedure?.(
      (await renderContext(checked)).outline(procedure),
      await renderContext(checked),
      run,
    );
    expect(warnings).toEqual([
      '2:8 braille-emoji-dropped The braille edition leaves out the emoji "😀"',
      '3:10 braille-emoji-dropped The braille edition leaves out the emoji "📄"',
      '3:10 braille-other-script The braille edition replaces the text in anot',
      '3:10 braille-other-script The braille edition replaces the text in anot',
      '15:1 braille-unknown-character The braille table has no sign for "✓" (U+2713',
    ]);
    const files = artifacts ?? [];
    const text = files.find((artifact) => artifact.path.endsWith('braille.txt'))?.data.toString() ?? '';
    for (const artifact of files) expect(artifact.data.toString()).not.toMatch(/⠸⠿/);
    // The summary's Javanese and Arabic runs become one note each, in the print beside
    // the braille and in the braille itself ("aksara" twice on page 1).
    const proof = files.find((artifact) => artifact.path.endsWith('braille.html'))?.data.toString() ?? '';
    expect(proof).toContain('[teks dalam aksara Jawa]');
    expect(proof).toContain('[teks dalam aksara Arab]');
    const firstPage = text.split('--- 2 ---')[0] ?? '';
    expect(firstPage.match(/⠁⠅⠎⠁⠗⠁/g)?.length).toBe(3); // and the summary's own "aksara"
  });
});
