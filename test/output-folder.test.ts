// The output folder Pelita owns (issue #17): the checked writer, the manifest, pruning,
// the lock, the guard on --out, and repair after a kill. In process, without renderers.
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskError, InTheWayError, LockedError, OutFolderError } from '../src/pipeline/output-errors.js';
import { JOURNAL, openOutputFolder } from '../src/pipeline/output-folder.js';
import { OUTPUT_MANIFEST, readManifest, sha256 } from '../src/pipeline/output-manifest.js';
import { REAL_FS, tempPathFor, type WriteFs, writeFileSafe } from '../src/pipeline/safe-write.js';
import { tempDir } from './support/cli.js';

const open = (outDir: string, extra: { force?: boolean; fs?: WriteFs } = {}) =>
  openOutputFolder({ outDir, contentDir: tempDir('pelita-content-'), ...extra });

/** A file system whose disk takes `room` bytes in all, then answers as `mode` says. */
function smallDisk(room: number, mode: 'enospc' | 'short'): WriteFs {
  let left = room;
  return {
    ...REAL_FS,
    writeSync: (fd, buffer, offset, length, position) => {
      const take = Math.min(length, left);
      left -= take;
      if (take === 0 && mode === 'enospc') throw Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' });
      return REAL_FS.writeSync(fd, buffer, offset, take, position);
    },
  };
}

const names = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

describe('the checked writer', () => {
  it('never writes through a link: neither a file link nor a folder link', async () => {
    const out = tempDir();
    const elsewhere = tempDir();
    writeFileSync(join(elsewhere, 'secret.txt'), 'rahasia');
    mkdirSync(join(out, 'id/baik'), { recursive: true });
    symlinkSync(join(elsewhere, 'secret.txt'), join(out, 'id/baik/audio.txt'));
    symlinkSync(elsewhere, join(out, 'assets'));
    await expect(writeFileSafe(out, 'id/baik/audio.txt', 'transkrip')).rejects.toThrow(InTheWayError);
    await expect(writeFileSafe(out, 'assets/pelita.css', 'css')).rejects.toThrow(/assets is a symbolic link/);
    expect(readFileSync(join(elsewhere, 'secret.txt'), 'utf8')).toBe('rahasia');
    expect(readdirSync(elsewhere)).toEqual(['secret.txt']);
  });

  it.each(['enospc', 'short'] as const)(
    'on a full disk (%s) leaves the old file and no temporary file',
    async (mode) => {
      const out = tempDir();
      writeFileSync(join(out, 'pictograms.svg'), 'lama');
      const error = await writeFileSafe(out, 'pictograms.svg', 'x'.repeat(100_000), smallDisk(28_672, mode)).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DiskError);
      expect((error as DiskError).message).toMatch(/^the disk is full: nothing was replaced/);
      expect(readFileSync(join(out, 'pictograms.svg'), 'utf8')).toBe('lama');
      expect(readdirSync(out)).toEqual(['pictograms.svg']);
    },
  );
});

describe('the output folder', () => {
  it('is refused when it holds files and no manifest, unless --force', async () => {
    const out = tempDir();
    mkdirSync(join(out, 'id/kontak'), { recursive: true });
    writeFileSync(join(out, 'id/kontak/index.html'), 'milik orang lain');
    await expect(open(out)).rejects.toThrow(OutFolderError);
    const folder = await open(out, { force: true });
    await folder.commit([{ path: 'index.html', data: 'indeks' }]);
    const pruned = await folder.prune(new Set(['index.html']), new Set(), new Set());
    await folder.close();
    expect(pruned.removed).toEqual([]);
    expect(readFileSync(join(out, 'id/kontak/index.html'), 'utf8')).toBe('milik orang lain');
    expect([...((await readManifest(out))?.keys() ?? [])]).toEqual(['index.html']);
  });

  it.each([
    ['the content folder', (content: string) => content],
    ['a folder holding the content folder', (content: string) => join(content, '..')],
    ['a folder inside the content folder', (content: string) => join(content, 'out')],
    ['/', () => '/'],
    ['the home folder', () => homedir()],
  ])('may not be %s', async (_what, outFor) => {
    const content = tempDir('pelita-content-');
    await expect(openOutputFolder({ outDir: outFor(content), contentDir: content })).rejects.toThrow(OutFolderError);
  });

  it('does not replace a file Pelita did not write', async () => {
    const out = tempDir();
    const folder = await open(out);
    await folder.commit([{ path: 'id/a/index.html', data: 'a' }]);
    writeFileSync(join(out, 'id/a/leaflet.pdf'), 'bukan buatan Pelita');
    await expect(folder.commit([{ path: 'id/a/leaflet.pdf', data: 'pdf' }])).rejects.toThrow(
      /was not written by Pelita/,
    );
    await folder.close();
    expect(readFileSync(join(out, 'id/a/leaflet.pdf'), 'utf8')).toBe('bukan buatan Pelita');
  });

  it('prunes only files it wrote and nobody changed, and never through a link', async () => {
    const out = tempDir();
    let folder = await open(out);
    await folder.commit([
      { path: 'id/lama/index.html', data: 'lama' },
      { path: 'id/lama/audio.txt', data: 'lama' },
      { path: 'id/ubah/index.html', data: 'ubah' },
      { path: 'jv/x/index.html', data: 'x' },
    ]);
    await folder.close();
    writeFileSync(join(out, 'id/lama/catatan.txt'), 'catatan kantor');
    writeFileSync(join(out, 'id/ubah/index.html'), 'diubah tangan');
    // jv/ becomes a link to a folder elsewhere holding the same file name
    const elsewhere = tempDir();
    mkdirSync(join(elsewhere, 'x'));
    writeFileSync(join(elsewhere, 'x/index.html'), 'x');
    await fsp.rm(join(out, 'jv'), { recursive: true });
    symlinkSync(elsewhere, join(out, 'jv'));
    folder = await open(out);
    const pruned = await folder.prune(new Set(), new Set(), new Set());
    await folder.close();
    expect(pruned.removed).toEqual(['id/lama']);
    expect(pruned.kept).toEqual(['id/ubah/index.html', 'jv/x/index.html']);
    expect(readdirSync(join(out, 'id/lama'))).toEqual(['catatan.txt']);
    expect(readFileSync(join(out, 'id/ubah/index.html'), 'utf8')).toBe('diubah tangan');
    expect(readFileSync(join(elsewhere, 'x/index.html'), 'utf8')).toBe('x');
  });

  it('keeps the older files of a document that exists but did not build', async () => {
    const out = tempDir();
    const folder = await open(out);
    await folder.commit([{ path: 'id/rusak/index.html', data: 'lama' }]);
    const pruned = await folder.prune(new Set(), new Set(['id/rusak']), new Set());
    await folder.close();
    expect(pruned).toEqual({ removed: [], kept: [] });
    expect(existsSync(join(out, 'id/rusak/index.html'))).toBe(true);
  });

  it('is locked against a second build, and a dead build’s lock is taken over', async () => {
    const out = tempDir();
    const first = await open(out);
    await expect(open(out)).rejects.toThrow(LockedError);
    await first.close();
    writeFileSync(join(out, '.pelita-lock'), '999999999\n'); // no such process
    await (await open(out)).close();
    expect(existsSync(join(out, '.pelita-lock'))).toBe(false);
  });

  it('finishes a group a kill interrupted, and removes what a kill left', async () => {
    const out = tempDir();
    const folder = await open(out);
    await folder.commit([
      { path: 'id/a/index.html', data: 'lama' },
      { path: 'id/a/braille.brf', data: 'lama' },
    ]);
    await folder.close();
    // A kill after the journal was written and one of two files was renamed:
    writeFileSync(join(out, 'id/a/index.html'), 'baru');
    writeFileSync(tempPathFor(join(out, 'id/a/braille.brf')), 'baru');
    const files = ['id/a/index.html', 'id/a/braille.brf'].map((path) => ({ path, sha256: sha256('baru') }));
    writeFileSync(join(out, JOURNAL), JSON.stringify({ files }));
    // … and leftovers of a killed build: a temporary file of ours, one of write-file-atomic
    mkdirSync(join(out, 'id/b'));
    writeFileSync(tempPathFor(join(out, 'id/b/index.html')), 'setengah');
    writeFileSync(join(out, 'id/a/braille.brf.1234567'), 'setengah');
    writeFileSync(join(out, 'id/a/catatan.1234567'), 'bukan sisa');
    await (await open(out)).close();
    expect(readFileSync(join(out, 'id/a/index.html'), 'utf8')).toBe('baru');
    expect(readFileSync(join(out, 'id/a/braille.brf'), 'utf8')).toBe('baru');
    expect(names(out)).toEqual(
      [OUTPUT_MANIFEST, 'id', 'id/a', 'id/a/braille.brf', 'id/a/catatan.1234567', 'id/a/index.html', 'id/b'].sort(),
    );
    expect((await readManifest(out))?.get('id/a/braille.brf')).toBe(sha256('baru'));
  });

  it('removes what a kill left before any journal, told by the dead build’s lock', async () => {
    const out = tempDir();
    const folder = await open(out);
    await folder.commit([{ path: 'id/a/index.html', data: 'lama' }]);
    await folder.close();
    // A kill while the group's files were still being written: no journal yet, the lock left.
    writeFileSync(tempPathFor(join(out, 'id/a/index.html')), 'setengah');
    writeFileSync(join(out, '.pelita-lock'), '999999999\n'); // no such process
    await (await open(out)).close();
    expect(names(out)).toEqual([OUTPUT_MANIFEST, 'id', 'id/a', 'id/a/index.html'].sort());
  });

  it('does not list every folder again after a build that ended', async () => {
    const out = tempDir();
    const folder = await open(out);
    await folder.commit([{ path: 'id/a/index.html', data: 'lama' }]);
    await folder.close();
    // No build leaves this after ending (nor a lock, journal or log): the start does not search for it.
    const planted = tempPathFor(join(out, 'id/a/index.html'));
    writeFileSync(planted, 'bukan dari Pelita');
    await (await open(out)).close();
    expect(existsSync(planted)).toBe(true);
  });

  it('a group that fails on a full disk replaces none of its files', async () => {
    const out = tempDir();
    let folder = await open(out);
    await folder.commit([
      { path: 'id/a/index.html', data: 'lama' },
      { path: 'id/a/leaflet.pdf', data: 'lama' },
    ]);
    await folder.close();
    folder = await open(out, { fs: smallDisk(10, 'short') });
    await expect(
      folder.commit([
        { path: 'id/a/index.html', data: 'baru' },
        { path: 'id/a/leaflet.pdf', data: 'baru'.repeat(100) },
      ]),
    ).rejects.toThrow(DiskError);
    await folder.close();
    expect(readFileSync(join(out, 'id/a/index.html'), 'utf8')).toBe('lama');
    expect(readFileSync(join(out, 'id/a/leaflet.pdf'), 'utf8')).toBe('lama');
    expect(names(join(out, 'id/a'))).toEqual(['index.html', 'leaflet.pdf']);
  });

  it('a full disk at the journal leaves none of the group’s temporary files behind', async () => {
    const out = tempDir();
    let folder = await open(out);
    await folder.commit([{ path: 'id/a/index.html', data: 'lama' }]);
    await folder.close();
    // Room for the two files (4 + 5 bytes), none for the journal written after them.
    folder = await open(out, { fs: smallDisk(9, 'enospc') });
    await expect(
      folder.commit([
        { path: 'id/a/index.html', data: 'baru' },
        { path: 'id/a/leaflet.pdf', data: 'baru2' },
      ]),
    ).rejects.toThrow(DiskError);
    await folder.close();
    expect(readFileSync(join(out, 'id/a/index.html'), 'utf8')).toBe('lama');
    expect(names(out).filter((name) => name.endsWith('.pelita-new'))).toEqual([]);
  });
});

describe('a staged group (the site files, written as they are made)', () => {
  it('writes each file beside its target at once, and puts all in place only at commit', async () => {
    const out = tempDir();
    const folder = await open(out);
    await folder.commit([{ path: 'catalog.json', data: 'lama\n' }]);
    const group = folder.stage();
    const staged = await group.add({ path: 'catalog.json', data: 'baru\n' });
    const part = await group.add({ path: 'catalog/id/1.json', data: '{"part":1}\n' });
    // Nothing replaced yet; the new bytes wait in the temporary files, and read back from there.
    expect(readFileSync(join(out, 'catalog.json'), 'utf8')).toBe('lama\n');
    expect(existsSync(tempPathFor(join(out, 'catalog.json')))).toBe(true);
    expect(Buffer.from(staged.data).toString()).toBe('baru\n');
    expect(await group.commit([{ path: 'feed.xml', data: '<feed/>\n' }])).toEqual([
      'catalog.json',
      'catalog/id/1.json',
      'feed.xml',
    ]);
    expect(readFileSync(join(out, 'catalog.json'), 'utf8')).toBe('baru\n');
    // After the commit, an artifact given back reads its bytes from its target.
    expect(Buffer.from(part.data).toString()).toBe('{"part":1}\n');
    expect(names(out).filter((name) => name.endsWith('.pelita-new'))).toEqual([]);
    expect(existsSync(join(out, JOURNAL))).toBe(false);
    await folder.close();
    expect((await readManifest(out))?.get('catalog/id/1.json')).toBe(sha256('{"part":1}\n'));
  });

  it('leaves the old files and no temporary file when a file of the group is in the way', async () => {
    const out = tempDir();
    const folder = await open(out);
    await folder.commit([{ path: 'index.html', data: 'lama\n' }]);
    writeFileSync(join(out, 'robots.txt'), 'milik tim web\n'); // not Pelita's
    const group = folder.stage();
    await group.add({ path: 'index.html', data: 'baru\n' });
    await expect(group.add({ path: 'robots.txt', data: 'User-agent: *\n' })).rejects.toBeInstanceOf(InTheWayError);
    await group.discard();
    await expect(group.commit()).rejects.toThrow();
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('lama\n');
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toBe('milik tim web\n');
    expect(names(out).filter((name) => name.endsWith('.pelita-new'))).toEqual([]);
    await folder.close();
  });

  it('writes nothing for a file that already holds its bytes', async () => {
    const out = tempDir();
    const folder = await open(out);
    await folder.commit([{ path: 'sitemap.xml', data: '<urlset/>\n' }]);
    const group = folder.stage();
    const same = await group.add({ path: 'sitemap.xml', data: '<urlset/>\n' });
    expect(existsSync(tempPathFor(join(out, 'sitemap.xml')))).toBe(false);
    expect(Buffer.from(same.data).toString()).toBe('<urlset/>\n');
    expect(await group.commit()).toEqual(['sitemap.xml']);
    await folder.close();
  });
});
