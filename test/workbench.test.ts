// The writers' workbench on the command line: Indonesian messages by default, reporting
// as found, --json, --editions, check = build's checks, last good versions, site.yaml.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFolder, flatMessages, pelita, readTree, tempDir, unitPagesText } from './support/cli.js';
import { validProcedure } from './support/fixtures.js';

const INDONESIAN = { LANG: 'C.UTF-8' };
const broken = validProcedure((t) => t.replace('cost: Gratis\n', ''));

describe('messages', () => {
  it('are Indonesian by default, English with --lang en or LANG=en_…, with no colour when piped', () => {
    const content = contentFolder({ 'id/cuti-tahunan.md': broken });
    const id = pelita(['check', '--content', content, '--editions', 'html'], undefined, INDONESIAN);
    expect(id.status).toBe(1);
    expect(id.stderr).toContain('Kunci wajib "cost" belum ada di bagian kepala');
    expect(id.stderr).toContain('kesalahan');
    expect(id.stderr).toContain('0 dari 1 dokumen sah');
    expect(id.stderr).not.toContain('\u001b[');
    const en = pelita(['check', '--content', content, '--editions', 'html', '--lang', 'en'], undefined, INDONESIAN);
    expect(en.stderr).toContain('The required front-matter key "cost" is missing');
    expect(pelita(['check', '--content', content, '--editions', 'html']).stderr).toContain('0 of 1 documents valid');
  });

  it('are grouped under each file, printed as each document is done', () => {
    const content = contentFolder({ 'id/cuti-tahunan.md': validProcedure(), 'id/cuti-besar.md': broken });
    const { stderr } = pelita(['check', '--content', content, '--editions', 'html']);
    const lines = stderr.split('\n');
    const header = lines.indexOf(join(content, 'id/cuti-besar.md'));
    expect(header).toBeGreaterThanOrEqual(0);
    expect(lines[header + 1]).toMatch(/^ {2}1:1 {2}error {2}The required .* {2}missing-cost$/);
    // Non-TTY progress: a plain line per document, the broken one first (it is not rendered).
    expect(stderr.indexOf('[1/2] id/cuti-besar')).toBeGreaterThan(header);
    expect(stderr).toContain('[2/2] id/cuti-tahunan');
  });

  it('--quiet shows errors only; --json prints one report in vfile-reporter-json shape', () => {
    const content = contentFolder({
      'id/cuti-tahunan.md': validProcedure((t) => t.replace('unit: ', 'unti: ')),
      'id/cuti-besar.md': broken,
    });
    const quiet = pelita(['check', '--content', content, '--editions', 'html', '--quiet']);
    expect(quiet.stderr).toContain('missing-cost');
    expect(quiet.stderr).not.toContain('unknown-key');
    expect(quiet.stderr).not.toContain('[1/2]');
    const { status, stdout } = pelita(['check', '--content', content, '--editions', 'html', '--json']);
    expect(status).toBe(1);
    const report = JSON.parse(stdout) as unknown;
    expect(Array.isArray(report)).toBe(true);
    for (const file of report as Record<string, unknown>[]) {
      expect(Object.keys(file).sort()).toEqual(['cwd', 'history', 'messages', 'path']);
      expect(typeof file.path).toBe('string');
      for (const message of file.messages as Record<string, unknown>[]) {
        expect(typeof message.reason).toBe('string');
        expect(typeof message.ruleId).toBe('string');
        expect(typeof message.fatal).toBe('boolean');
        expect(message.source).toBe('pelita');
        expect(message.line === undefined || typeof message.line === 'number').toBe(true);
        expect(String(message.url)).toMatch(/^file:.*\/docs\/rules\/[a-z0-9-]+\.md$/);
      }
    }
    const messages = (report as { path: string; messages: { ruleId: string; fatal: boolean }[] }[]).flatMap((file) =>
      file.messages.map((message) => `${file.path.split('/').pop()} ${message.ruleId} ${message.fatal}`),
    );
    expect(messages).toEqual(['cuti-besar.md missing-cost true', 'cuti-tahunan.md unknown-key false']);
  });
});

describe('--editions', () => {
  it('makes only the chosen editions, keeps the files of the others, and the index and catalog list everything', () => {
    const content = contentFolder({ 'id/cuti-tahunan.md': validProcedure() });
    const out = tempDir();
    expect(pelita(['build', '--content', content, '--out', out, '--editions', 'html,pictogram']).status).toBe(0);
    const files = [...readTree(out).keys()];
    expect(files).toContain('id/cuti-tahunan/index.html');
    expect(files).toContain('id/cuti-tahunan/pictograms.svg');
    expect(files).not.toContain('id/cuti-tahunan/leaflet.pdf');
    expect(files).toContain('index.html');
    writeFileSync(
      join(content, 'id/cuti-tahunan.md'),
      validProcedure((t) => t.replace('Cuti Tahunan', 'Cuti Baru')),
    );
    expect(pelita(['build', '--content', content, '--out', out, '--editions', 'html']).status).toBe(0);
    const page = readFileSync(join(out, 'id/cuti-tahunan/index.html'), 'utf8');
    expect(page).toContain('Cuti Baru');
    expect(page).toContain('pictograms.svg'); // still linked: the file from the build before
    const catalog = JSON.parse(readFileSync(join(out, 'catalog/id/1.json'), 'utf8'));
    expect(Object.keys(catalog.procedures[0].editions)).toContain('pictograms.svg');
  });

  it('refuses an unknown edition as a usage error', () => {
    const { status, stderr } = pelita(['build', '--editions', 'html,video']);
    expect(status).toBe(2);
    expect(stderr).toContain('Unknown edition "video"');
  });
});

describe('check runs every check build runs', () => {
  const warningsOf = (stderr: string) =>
    flatMessages(stderr)
      .split('\n')
      .filter((line) => line.includes('  warning  '))
      .map((line) => line.replace(/^.*?(content|pelita-content-[^/]*)\//, ''))
      .sort();

  it('reports the same renderer warnings on a fixture, without writing anything', () => {
    const content = contentFolder({
      'id/cuti-tahunan.md': validProcedure((t) => t.replace('1. Isi', '1. Isi formulir XYZ dan ☃ lalu')),
    });
    const check = pelita(['check', '--content', content]);
    const out = tempDir();
    const build = pelita(['build', '--content', content, '--out', out]);
    const warnings = warningsOf(check.stderr);
    expect(warnings.join('\n')).toContain('audio-unknown-abbreviation');
    expect(warnings.join('\n')).toMatch(/braille-unknown-character|braille-emoji-dropped|pdf-missing-glyph/);
    expect(warnings).toEqual(warningsOf(build.stderr));
    // A second build reuses the audio, and still tells its warnings.
    expect(warningsOf(pelita(['build', '--content', content, '--out', out]).stderr)).toEqual(warnings);
    expect(existsSync(join(content, 'output'))).toBe(false);
  }, 300_000);

  it('reports the same warnings on the sample', () => {
    const editions = ['--editions', 'html,braille,pictogram,pdf'];
    const check = pelita(['check', ...editions]);
    const build = pelita(['build', '--out', tempDir(), ...editions]);
    expect(check.status).toBe(0);
    expect(warningsOf(check.stderr)).toEqual(warningsOf(build.stderr));
  }, 300_000);
});

describe('a document with errors', () => {
  it('stays listed as it last built, marked not updated; one never built is absent; the summary names both', () => {
    const content = contentFolder({ 'id/cuti-tahunan.md': validProcedure() });
    const out = tempDir();
    expect(pelita(['build', '--content', content, '--out', out, '--editions', 'html']).status).toBe(0);
    writeFileSync(join(content, 'id/cuti-tahunan.md'), broken);
    writeFileSync(join(content, 'id/cuti-besar.md'), broken);
    const { status, stderr } = pelita(
      ['build', '--content', content, '--out', out, '--editions', 'html'],
      undefined,
      INDONESIAN,
    );
    expect(status).toBe(1);
    expect(stderr).toMatch(
      /"Cuti Tahunan[^"]*" \(id\/cuti-tahunan\) berisi kesalahan .* tanggal \d{4}-\d\d-\d\d, bertanda "belum diperbarui"/,
    );
    expect(stderr).toContain('id/cuti-besar berisi kesalahan dan belum pernah berhasil dibangun');
    const index = unitPagesText(out, 'id');
    expect(index).toMatch(
      /<span class="pelita-badge pelita-badge-not-updated">belum diperbarui, versi \d+ \w+ \d{4}<\/span>/,
    );
    expect(index).not.toContain('id/cuti-besar/');
    const catalog = JSON.parse(readFileSync(join(out, 'catalog/id/1.json'), 'utf8'));
    const listed = catalog.procedures.map((p: { slug: string; notUpdated: boolean }) => [p.slug, p.notUpdated]);
    expect(listed).toEqual([['cuti-tahunan', true]]);
  });
});

describe('site.yaml', () => {
  it('takes complaints as one line of text (one channel)', () => {
    const content = contentFolder({
      'id/cuti-tahunan.md': validProcedure((t) => t.replace(/## Pengaduan[\s\S]*?(?=\n## |$)/, '')),
    });
    const site = readFileSync(join(content, 'site.yaml'), 'utf8').replace(
      /complaints:\n( {2}- .*\n)+/,
      'complaints: SP4N-LAPOR! di https://www.lapor.go.id\n',
    );
    writeFileSync(join(content, 'site.yaml'), site);
    const out = tempDir();
    const { status, stderr } = pelita(['build', '--content', content, '--out', out, '--editions', 'html']);
    expect(stderr).not.toContain('wrong-type');
    expect(stderr).not.toContain('missing-complaints');
    expect(status).toBe(0);
    expect(readFileSync(join(out, 'id/cuti-tahunan/index.html'), 'utf8')).toContain('SP4N-LAPOR!');
  });

  it("when missing, is reported together with every document's own messages, at the --content path", () => {
    const content = contentFolder({ 'id/cuti-tahunan.md': validProcedure(), 'id/cuti-besar.md': broken });
    rmSync(join(content, 'site.yaml'));
    const { status, stderr } = pelita(['check', '--content', content]);
    expect(status).toBe(1);
    const messages = flatMessages(stderr);
    expect(messages).toContain(`${join(content, 'site.yaml')}:1:1  error  There is no ${join(content, 'site.yaml')}`);
    expect(messages).toMatch(/cuti-besar\.md:1:1 {2}error .* {2}missing-cost/);
  });

  it('is named by its --content path in the missing-complaints warning', () => {
    const content = contentFolder({
      'id/cuti-tahunan.md': validProcedure((t) => t.replace(/## Pengaduan[\s\S]*?(?=\n## |$)/, '')),
    });
    writeFileSync(
      join(content, 'site.yaml'),
      readFileSync(join(content, 'site.yaml'), 'utf8').replace(/complaints:\n( {2}- .*\n)+/, ''),
    );
    const { stderr } = pelita(['check', '--content', content, '--editions', 'html']);
    expect(flatMessages(stderr)).toContain(`and ${join(content, 'site.yaml')} has no default "complaints"`);
  });
});

describe('pelita new', () => {
  it('writes a template with every section that checks clean, and never overwrites', () => {
    const content = contentFolder({});
    const made = pelita(['new', 'izin-penelitian', '--content', content]);
    expect(made.status).toBe(0);
    const text = readFileSync(join(content, 'id/izin-penelitian.md'), 'utf8');
    for (const key of ['title', 'summary', 'duration', 'cost', 'product', 'updated', 'unit']) {
      expect(text).toMatch(new RegExp(`# .*\\n${key}: `));
    }
    for (const heading of ['Persyaratan', 'Prosedur', 'Dasar Hukum', 'Pengaduan', 'Catatan']) {
      expect(text).toContain(`## ${heading}\n`);
    }
    expect(flatMessages(pelita(['check', '--content', content, '--editions', 'html']).stderr)).not.toContain('error');
    writeFileSync(join(content, 'id/izin-penelitian.md'), 'mine');
    const again = pelita(['new', 'izin-penelitian', '--content', content]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(join(content, 'id/izin-penelitian.md'), 'utf8')).toBe('mine');
    expect(pelita(['new', 'Izin Baru', '--content', content]).status).toBe(2);
  });
});
