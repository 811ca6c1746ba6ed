// Incremental builds: every edition's files are kept under a key of what they depend on,
// so a rebuild with nothing changed renders nothing, an edited procedure renders only
// itself, and a changed template renders again only the editions that read it.
import { appendFileSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { describe, expect, it } from 'vitest';
import { textOf } from '../src/i18n/messages.js';
import { type BuildOptions, runBuild } from '../src/pipeline/build.js';
import { statRecordPath } from '../src/pipeline/output-cache.js';
import type { EditionId } from '../src/render/registry.js';
import { readTree, tempDir } from './support/cli.js';
import { buildTelling, registryWorkspace, type Workspace } from './support/registry-workspace.js';

const EDITIONS: EditionId[] = ['html', 'braille', 'pdf'];
// The size-and-time record lives in the user's cache folder: the tests' own, here.
process.env.XDG_CACHE_HOME = tempDir('pelita-cache-home-');

const workspace = () => registryWorkspace('pelita-incremental-');
const build = (folders: Workspace, options: Partial<BuildOptions> = {}) => buildTelling(folders, EDITIONS, options);

describe('incremental build', () => {
  it('renders nothing when nothing changed, only the edited procedure when one is, and keeps the site in step', async () => {
    const folders = workspace();
    const cold = await build(folders);
    expect(cold.ran).toContain('html id/kartu-identitas-anak.md');
    expect(cold.ran).toHaveLength(EDITIONS.length * 4);
    const before = readTree(folders.out);

    const warm = await build(folders);
    expect(warm.ran).toEqual([]); // no renderer ran
    expect(warm.result.reused).toContain('jv/akta-kelahiran/braille.brf');
    expect(readTree(folders.out)).toEqual(before);
    // What verify found is recorded with the files, so reused files are not read again, and tell the same.
    expect(warm.result.fidelity?.totals).toEqual(cold.result.fidelity?.totals);
    expect(warm.result.fidelity?.totals.get('braille')?.found).toBeGreaterThan(0);

    const page = join(folders.content, 'id/kartu-identitas-anak.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('1 hari kerja', '2 hari kerja'));
    const edited = await build(folders);
    expect(edited.ran).toEqual(EDITIONS.map((edition) => `${edition} id/kartu-identitas-anak.md`).sort());
    // The site files are made again from every procedure: the edited one shows its new text.
    expect(readFileSync(join(folders.out, 'catalog/id/1.json'), 'utf8')).toContain('2 hari kerja');
    expect(readFileSync(join(folders.out, 'id/kartu-identitas-anak/index.html'), 'utf8')).toContain('2 hari kerja');

    // Editing an original renders its translation again too: the translation's checks read it.
    const original = join(folders.content, 'id/akta-kelahiran.md');
    writeFileSync(original, readFileSync(original, 'utf8').replace('KTP-el kedua', 'KTP-el asli kedua'));
    const again = await build(folders);
    expect(new Set(again.ran.map((line) => line.split(' ')[1]))).toEqual(
      new Set(['id/akta-kelahiran.md', 'jv/akta-kelahiran.md']),
    );
  }, 120_000);

  it('renders again only the editions that read a changed template or words file', async () => {
    const folders = workspace();
    await build(folders);
    appendFileSync(join(folders.templates, 'html/procedure.liquid'), '{% comment %}diubah{% endcomment %}\n');
    const html = await build(folders);
    expect(new Set(html.ran.map((line) => line.split(' ')[0]))).toEqual(new Set(['html']));
    expect(html.ran).toHaveLength(4);

    appendFileSync(join(folders.templates, 'pdf/theme.yaml'), '# diubah\n');
    const pdf = await build(folders);
    expect(new Set(pdf.ran.map((line) => line.split(' ')[0]))).toEqual(new Set(['pdf']));

    // The Javanese words are read by the Javanese editions, and by every HTML page (it names the languages).
    appendFileSync(join(folders.templates, 'i18n/jv.yaml'), '# diubah\n');
    const words = await build(folders);
    expect(words.ran).toEqual(
      [
        'braille jv/akta-kelahiran.md',
        'pdf jv/akta-kelahiran.md',
        ...['id/akta-kelahiran.md', 'id/kartu-identitas-anak.md', 'id/surat-pindah.md', 'jv/akta-kelahiran.md'].map(
          (source) => `html ${source}`,
        ),
      ].sort(),
    );
  }, 120_000);

  it('trusts a reused file by size and time, and hashes it again when either changed', async () => {
    const folders = workspace();
    await build(folders);
    const brf = join(folders.out, 'id/surat-pindah/braille.brf');
    const bytes = readFileSync(brf);
    const recorded = () => {
      const { dir, name } = statRecordPath(folders.out);
      return (JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, [number, number, string]>)[
        'id/surat-pindah/braille.brf'
      ];
    };
    expect(recorded()?.[1]).toBe(statSync(brf).mtimeMs);
    // Same bytes written again: a new time, so it is read and hashed, and still reused…
    writeFileSync(brf, bytes);
    expect((await build(folders)).ran).toEqual([]);
    // … and its new time recorded, so the next build does not read it.
    expect(recorded()?.[1]).toBe(statSync(brf).mtimeMs);
    // Other bytes of the same size: the hash differs, so the edition is made again.
    const other = Buffer.from(bytes.map((byte) => (byte === 0x41 ? 0x42 : byte)));
    expect(other.equals(bytes)).toBe(false);
    writeFileSync(brf, other);
    expect((await build(folders)).ran).toContain('braille id/surat-pindah.md');
    expect(readFileSync(brf)).toEqual(bytes);
    // Like git's index: a file with its recorded size and time is not read at all.
    const time = new Date('2026-01-02T03:04:05Z');
    utimesSync(brf, time, time);
    expect((await build(folders)).ran).toEqual([]); // read and hashed once more, then recorded
    writeFileSync(brf, other);
    utimesSync(brf, time, time);
    expect((await build(folders)).ran).toEqual([]);
  }, 120_000);
});

/** Every message of a build as `path line:column severity rule reason`, in order. */
function messagesOf(files: readonly { path: string; messages: readonly VFileMessage[] }[]): string[] {
  return files.flatMap((file) =>
    file.messages.map(
      (message) =>
        `${file.path} ${message.line}:${message.column} ${message.fatal === true ? 'error' : 'warning'} ${message.ruleId} ${message.reason} ${JSON.stringify(textOf(message) ?? null)}`,
    ),
  );
}

/** HTML only, telling which documents were checked and which renderers ran (site renderers too). */
async function htmlBuild(folders: Workspace, out = folders.out) {
  const checkedNow: string[] = [];
  const ran: string[] = [];
  const result = await runBuild({
    contentDir: folders.content,
    templatesDir: folders.templates,
    outDir: out,
    editions: ['html'],
    observer: {
      documentChecked: (source) => checkedNow.push(source),
      editionStarted: (source, edition) => ran.push(`${edition} ${source}`),
      siteStarted: (renderer) => ran.push(`site ${renderer}`),
    },
  });
  return { result, checked: checkedNow.sort(), ran: ran.sort(), messages: messagesOf(result.files) };
}

describe('kept checks', () => {
  it('checks no document and runs no renderer when nothing changed, and tells the same messages', async () => {
    const folders = workspace();
    // A document with an error stays reported (and not listed) on every rebuild.
    writeFileSync(join(folders.content, 'id/rusak.md'), '---\ntitle: Rusak\n---\n\nTanpa bagian.\n');
    const cold = await htmlBuild(folders);
    expect(cold.checked).toHaveLength(5);
    expect(cold.ran).toContain('site catalog');
    expect(cold.messages.some((line) => line.includes('jv/akta-kelahiran.md') && line.includes('warning'))).toBe(true);
    expect(cold.messages.some((line) => line.includes('id/rusak.md') && line.includes('error'))).toBe(true);
    const before = readTree(folders.out);

    const warm = await htmlBuild(folders);
    expect(warm.checked).toEqual([]); // nothing parsed or checked
    expect(warm.ran).toEqual([]); // no edition and no site file made
    expect(warm.messages).toEqual(cold.messages); // the translation's warning and rusak.md's error, as before
    expect(warm.result.failed).toBe(cold.result.failed);
    expect(warm.result.fidelity?.totals).toEqual(cold.result.fidelity?.totals);
    expect(readTree(folders.out)).toEqual(before);
    // The checked procedures are still there for whoever asks (read from their last-good records).
    const kept = warm.result.checked.find((doc) => doc.source === 'id/surat-pindah.md');
    expect(kept?.procedure?.meta.title).toBe(
      cold.result.checked.find((doc) => doc.source === 'id/surat-pindah.md')?.procedure?.meta.title,
    );
  }, 120_000);

  it('checks again only the edited document (and the translations of an edited original); outputs as a cold build', async () => {
    const folders = workspace();
    await htmlBuild(folders);
    const page = join(folders.content, 'id/surat-pindah.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace(/^summary: (.*)$/m, 'summary: $1 Diperbarui.'));
    const one = await htmlBuild(folders);
    expect(one.checked).toEqual(['id/surat-pindah.md']);
    expect(one.ran.filter((line) => line.startsWith('html'))).toEqual(['html id/surat-pindah.md']);
    expect(one.ran).toContain('site catalog'); // the site files list it: made again

    const original = join(folders.content, 'id/akta-kelahiran.md');
    writeFileSync(original, readFileSync(original, 'utf8').replace('KTP-el kedua', 'KTP-el asli kedua'));
    const again = await htmlBuild(folders);
    expect(again.checked).toEqual(['id/akta-kelahiran.md', 'jv/akta-kelahiran.md']);
    // The translation is now stale against its original: told as a cold build tells it.
    const coldOut = join(folders.out, '..', 'cold');
    const cold = await htmlBuild(folders, coldOut);
    expect(again.messages).toEqual(cold.messages);
    expect(readTree(folders.out)).toEqual(readTree(coldOut));
  }, 120_000);

  it('checks every document again when site.yaml or a words file changed', async () => {
    const folders = workspace();
    await htmlBuild(folders);
    appendFileSync(join(folders.content, 'site.yaml'), '# diubah\n');
    expect((await htmlBuild(folders)).checked).toHaveLength(4);
    expect((await htmlBuild(folders)).checked).toEqual([]);
    appendFileSync(join(folders.templates, 'i18n/id.yaml'), '# diubah\n');
    expect((await htmlBuild(folders)).checked).toHaveLength(4);
  }, 120_000);

  it('checks a document again when its last-good record is gone, and renders from a kept record as from a checked one', async () => {
    const folders = workspace();
    await htmlBuild(folders);
    const coldTree = readTree(folders.out);
    rmSync(join(folders.out, 'id/kartu-identitas-anak/.pelita-procedure.json'));
    const after = await htmlBuild(folders);
    expect(after.checked).toEqual(['id/kartu-identitas-anak.md']);
    expect(readTree(folders.out)).toEqual(coldTree);
    // A changed page template renders every page again from the kept records: same bytes as a cold build.
    appendFileSync(join(folders.templates, 'html/procedure.liquid'), '{% comment %}diubah{% endcomment %}\n');
    const html = await htmlBuild(folders);
    expect(html.checked).toEqual([]);
    expect(html.ran.filter((line) => line.startsWith('html'))).toHaveLength(4);
    const coldOut = join(folders.out, '..', 'cold');
    await htmlBuild(folders, coldOut);
    expect(readTree(folders.out)).toEqual(readTree(coldOut));
  }, 120_000);
});
