// `pelita build` against faults and a hostile folder (issue #17), the way a user runs it:
// exit codes, one plain sentence, no stack trace, never a half-written file.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli/exit-codes.js';
import { readCatalog } from '../src/render/catalog/read-catalog.js';
import { CLI, contentFolder, flatMessages, pelita, readTree, tempDir } from './support/cli.js';
import { REPO, validProcedure } from './support/fixtures.js';

const NO_STACK = /\n\s+at /;
const two = () =>
  contentFolder({
    'id/cuti-tahunan.md': validProcedure(),
    'id/cuti-besar.md': validProcedure((t) => t.replace('Cuti Tahunan', 'Cuti Besar')),
  });

/** No temporary file, journal or lock is left in `out`. */
function expectClean(out: string): void {
  const names = readdirSync(out, { recursive: true }).map(String);
  expect(names.filter((name) => /\.pelita-new$|\.pelita-journal|\.pelita-lock/.test(name))).toEqual([]);
}

describe('the output folder', () => {
  it('is refused (exit 2) when it holds files Pelita did not write, and used with --force', () => {
    const content = contentFolder({ 'id/cuti-tahunan.md': validProcedure() });
    const out = tempDir();
    mkdirSync(join(out, 'id/kontak'), { recursive: true });
    writeFileSync(join(out, 'id/kontak/index.html'), '<p>kontak</p>');
    const refused = pelita(['build', '--content', content, '--out', out]);
    expect(refused.status).toBe(EXIT.usage);
    expect(refused.stderr).toMatch(/already holds files that Pelita did not write/);
    expect(readdirSync(out)).toEqual(['id']);
    const forced = pelita(['build', '--content', content, '--out', out, '--force']);
    expect(forced.status).toBe(EXIT.ok);
    expect(forced.stderr).not.toContain('removed');
    expect(readFileSync(join(out, 'id/kontak/index.html'), 'utf8')).toBe('<p>kontak</p>');
  });

  it("may not be the content folder, nor Pelita's own templates", () => {
    const content = contentFolder({ 'id/cuti-tahunan.md': validProcedure() });
    const { status, stderr } = pelita(['build', '--content', content, '--out', content]);
    expect(status).toBe(EXIT.usage);
    expect(stderr).toContain('cannot be the output folder: it is the content folder');
    const templates = pelita(['build', '--content', content, '--out', join(REPO, 'templates/html')]);
    expect(templates.status).toBe(EXIT.usage);
    expect(templates.stderr).toContain('it is inside the templates folder');
  });

  it('is not written while another build holds its lock (exit 75)', () => {
    const content = contentFolder({ 'id/cuti-tahunan.md': validProcedure() });
    const out = tempDir();
    writeFileSync(join(out, '.pelita-output.json'), '{"version":1,"files":{}}\n');
    writeFileSync(join(out, '.pelita-lock'), `${process.pid}\n`); // this test runner: alive
    const { status, stderr } = pelita(['build', '--content', content, '--out', out]);
    expect(status).toBe(EXIT.locked);
    expect(stderr).toMatch(/another Pelita build \(process \d+\) is writing into/);
  });

  it('never writes through a link in it: the link is an error naming it, the rest builds', () => {
    const content = two();
    const out = tempDir();
    expect(pelita(['build', '--content', content, '--out', out]).status).toBe(EXIT.ok);
    const elsewhere = tempDir();
    writeFileSync(join(elsewhere, 'unrelated.txt'), 'jangan ditimpa');
    rmSync(join(out, 'id/cuti-besar/audio.txt'));
    symlinkSync(join(elsewhere, 'unrelated.txt'), join(out, 'id/cuti-besar/audio.txt'));
    writeFileSync(
      join(content, 'id/cuti-besar.md'),
      validProcedure((t) => t.replace('Isi formulir', 'Isi form')),
    );
    const { status, stderr } = pelita(['build', '--content', content, '--out', out]);
    expect(status).toBe(EXIT.contentErrors);
    expect(flatMessages(stderr)).toMatch(
      /cuti-besar\.md:1:1 {2}error {2}.*audio\.txt is a symbolic link.* {2}output-in-the-way/,
    );
    expect(stderr).toContain('1 of 2 documents built');
    expect(readFileSync(join(elsewhere, 'unrelated.txt'), 'utf8')).toBe('jangan ditimpa');
  });
});

describe('faults', () => {
  const canMount = process.getuid?.() === 0 && process.platform === 'linux';

  it.skipIf(!canMount)('a full disk: exit 74, one sentence, no truncated file anywhere', () => {
    const content = two();
    const reference = tempDir();
    expect(pelita(['build', '--content', content, '--out', reference]).status).toBe(EXIT.ok);
    const disk = tempDir('pelita-tmpfs-');
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=700k', 'tmpfs', disk]).status).toBe(0);
    try {
      const { status, stderr } = pelita(['build', '--content', content, '--out', join(disk, 'out')]);
      expect(stderr).toMatch(/^pelita: the disk is full: nothing was replaced/m);
      expect(stderr).not.toMatch(NO_STACK);
      expect(status).toBe(EXIT.disk);
      const expected = readTree(reference);
      const written = readTree(join(disk, 'out'));
      for (const [path, bytes] of written) {
        if (path === '.pelita-output.json' || path === '.pelita-cache.json' || path.startsWith('.pelita-cache/'))
          continue;
        expect(expected.get(path)?.equals(bytes), `${path} is whole`).toBe(true);
      }
      expectClean(join(disk, 'out'));
    } finally {
      spawnSync('umount', [disk]);
    }
  });

  it('Ctrl-C stops between procedures: exit 130, the Indonesian message, no half-written file', async () => {
    const content = contentFolder(
      Object.fromEntries(
        ['a', 'b', 'c', 'd'].map((slug) => [
          `id/cuti-${slug}.md`,
          validProcedure((t) => t.replace('Cuti', `Cuti ${slug}`)),
        ]),
      ),
    );
    const out = tempDir();
    const child = spawn(process.execPath, [CLI, 'build', '--content', content, '--out', out]);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const status = await new Promise<number | null>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(join(out, 'id/cuti-a/index.html'))) {
          clearInterval(poll);
          child.kill('SIGINT');
        }
      }, 20);
      child.on('exit', (code) => {
        clearInterval(poll);
        resolve(code);
      });
    });
    expect(stderr).toMatch(/dibatalkan: \d dokumen selesai, tidak ada berkas setengah jadi/);
    expect(stderr).not.toMatch(NO_STACK);
    expect(status).toBe(EXIT.interrupted);
    expectClean(out);
    expect(readdirSync(join(out, 'id/cuti-a')).length).toBeGreaterThan(10);
  });
});

describe('internal failures', () => {
  it('end with one line, a crash log and exit 70, never a stack trace', () => {
    const content = contentFolder({ 'id/cuti-tahunan.md': validProcedure() });
    const { status, stderr } = pelita(['check', '--content', content, '--templates', tempDir()]); // no templates in it
    expect(stderr).not.toMatch(NO_STACK);
    expect(status).toBe(EXIT.internal);
    const log = /The details were written to (\S+);/.exec(stderr)?.[1];
    expect(log && readFileSync(log, 'utf8')).toMatch(/\n\s+at /);
    if (log) rmSync(log, { force: true });
  });
});

describe('a document that fails at build', () => {
  it('is absent from index.html and the catalog: no dead link', async () => {
    const content = contentFolder({
      'id/cuti-tahunan.md': validProcedure(),
      'jv/cuti-tahunan.md': validProcedure((t) =>
        t
          .replace('## Persyaratan', '## Syarat')
          .replace('## Prosedur', '## Tata Cara')
          .replace('## Pengaduan', '## Pangaduan'),
      ),
    });
    const site = readFileSync(join(content, 'site.yaml'), 'utf8');
    writeFileSync(join(content, 'site.yaml'), `${site}braille_tables: { jv: tidak-ada.utb }\n`); // jv braille fails
    const out = tempDir();
    const { status, stderr } = pelita(['build', '--content', content, '--out', out]);
    expect(flatMessages(stderr)).toMatch(/jv\/cuti-tahunan\.md:1:1 {2}error .* {2}render-failed/);
    expect(status).toBe(EXIT.contentErrors);
    expect(existsSync(join(out, 'jv/cuti-tahunan'))).toBe(false);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('jv/cuti-tahunan/');
    expect(JSON.stringify(await readCatalog(out))).not.toContain('jv/cuti-tahunan/');
  });
});

describe('content', () => {
  it('a symlinked content file is reported and skipped, the rest builds', () => {
    const content = contentFolder({ 'id/cuti-tahunan.md': validProcedure() });
    const elsewhere = tempDir();
    writeFileSync(join(elsewhere, 'rahasia.md'), validProcedure());
    symlinkSync(join(elsewhere, 'rahasia.md'), join(content, 'id/rahasia.md'));
    const { status, stderr } = pelita(['check', '--content', content]);
    expect(flatMessages(stderr)).toMatch(
      /id\/rahasia\.md:1:1 {2}warning {2}This is a symbolic link.* {2}symlinked-content/,
    );
    expect(stderr).toContain('1 of 1 documents valid');
    expect(status).toBe(EXIT.ok);
  });

  it('--mark-reviewed keeps a BOM and crashes on nothing', () => {
    const content = contentFolder({
      'id/cuti-tahunan.md': validProcedure(),
      'jv/cuti-tahunan.md': `\ufeff${validProcedure((t) =>
        t
          .replace('## Persyaratan', '## Syarat')
          .replace('## Prosedur', '## Tata Cara')
          .replace('## Pengaduan', '## Pangaduan'),
      )}`,
    });
    const { status, stderr } = pelita(['translations', '--content', content, '--mark-reviewed', 'jv/cuti-tahunan']);
    expect(stderr).not.toMatch(NO_STACK);
    expect(status).toBe(EXIT.ok);
    const text = readFileSync(join(content, 'jv/cuti-tahunan.md'), 'utf8');
    expect(text.startsWith('\ufeff---\n')).toBe(true);
    expect(text).toMatch(/\nsource: \S+\n---\n/);
  });
});
