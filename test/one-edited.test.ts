// A rebuild after one edit (issue #16): what it skips must not change what it makes. The
// YAML data kept between builds is never served for a text it was not made from; an edit
// of one or two procedures is rendered and verified on the main thread with the same
// results as the pool's; an edition not chosen is still linked from the page made now; a build
// without audio does not load the speech library.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yamlCacheDir, yamlData } from '../src/parse/yaml-cache.js';
import { parseYaml } from '../src/parse/yaml-document.js';
import type { BuildOptions } from '../src/pipeline/build.js';
import { readTree, tempDir } from './support/cli.js';
import { REPO } from './support/fixtures.js';
import { buildTelling, registryWorkspace, type Workspace } from './support/registry-workspace.js';

// The YAML data and the size-and-time records live in the user's cache folder: the tests' own, here.
process.env.XDG_CACHE_HOME = tempDir('pelita-cache-home-');

const kept = () => {
  try {
    return readdirSync(yamlCacheDir()).filter((name) => name.endsWith('.json'));
  } catch {
    return []; // none kept yet
  }
};

describe('YAML data kept between builds', () => {
  it('gives the data parsing gives, and keeps it', () => {
    const text = readFileSync(join(REPO, 'templates/i18n/jv.yaml'), 'utf8');
    const before = kept().length;
    const first = yamlData(text);
    expect(first).toEqual({ ok: true, data: (parseYaml(text) as { ok: true; value: { data: unknown } }).value.data });
    expect(kept()).toHaveLength(before + 1);
    expect(yamlData(text)).toEqual(first); // read back from the cache
    expect(kept()).toHaveLength(before + 1);
  });

  it('parses an edited text again instead of serving the data of the text before', () => {
    expect(yamlData('terms:\n  a: satu\n')).toEqual({ ok: true, data: { terms: { a: 'satu' } } });
    expect(yamlData('terms:\n  a: dua\n')).toEqual({ ok: true, data: { terms: { a: 'dua' } } });
    expect(yamlData('terms:\n  a: satu\n')).toEqual({ ok: true, data: { terms: { a: 'satu' } } });
  });

  it('parses again when what is kept is unreadable', () => {
    const text = 'name: rusak-di-cache\n';
    const before = new Set(kept());
    yamlData(text);
    const [file] = kept().filter((name) => !before.has(name));
    expect(file).toBeDefined();
    writeFileSync(join(yamlCacheDir(), file as string), '{"data": ');
    expect(yamlData(text)).toEqual({ ok: true, data: { name: 'rusak-di-cache' } });
    writeFileSync(join(yamlCacheDir(), file as string), '[]');
    expect(yamlData(text)).toEqual({ ok: true, data: { name: 'rusak-di-cache' } });
  });

  it('keeps nothing that JSON would change, and no errors', () => {
    const before = kept().length;
    expect(yamlData('limit: .inf\n')).toEqual({ ok: true, data: { limit: Number.POSITIVE_INFINITY } });
    expect(yamlData('limit: .inf\n')).toEqual({ ok: true, data: { limit: Number.POSITIVE_INFINITY } });
    const broken = yamlData('a: [1, 2\n');
    expect(broken.ok).toBe(false);
    expect(kept()).toHaveLength(before);
  });
});

const workspace = () => registryWorkspace('pelita-one-edited-');
const build = (folders: Workspace, options: Partial<BuildOptions> = {}) => buildTelling(folders, ['html'], options);

/** The published files, without Pelita's own records (`.pelita-*`). */
const siteFiles = (out: string) =>
  new Map([...readTree(out)].filter(([path]) => !path.split('/').some((part) => part.startsWith('.pelita'))));

const edit = (folders: Workspace, source: string) => {
  const path = join(folders.content, source);
  writeFileSync(path, readFileSync(path, 'utf8').replace(/^summary: (.*)$/m, 'summary: $1 Diperbarui.'));
};

describe('one procedure edited', () => {
  it('shows an edited words file on the pages at once', async () => {
    const folders = workspace();
    await build(folders);
    const page = () => readFileSync(join(folders.out, 'id/surat-pindah/index.html'), 'utf8');
    expect(page()).toContain('Langsung ke isi utama');
    const words = join(folders.templates, 'i18n/id.yaml');
    writeFileSync(
      words,
      readFileSync(words, 'utf8').replace('skip_to_content: Langsung ke isi utama', 'skip_to_content: Lompat ke isi'),
    );
    await build(folders);
    expect(page()).toContain('Lompat ke isi');
    expect(page()).not.toContain('Langsung ke isi utama');
  }, 120_000);

  it('finds in the pages and the catalog what a build of the same content from nothing finds', async () => {
    const folders = workspace();
    const cold = await build(folders);
    expect(cold.result.fidelity?.totals.get('html')?.expected).toBeGreaterThan(0);
    edit(folders, 'id/surat-pindah.md');
    // One procedure renders, so it is rendered and read back on the main thread (FEW_FOR_POOL);
    // the cold builds of 4 documents read theirs back in the pool.
    const warm = await build(folders);
    expect(warm.ran).toEqual(['html id/surat-pindah.md']);
    const fresh = workspace();
    edit(fresh, 'id/surat-pindah.md');
    const again = await build(fresh);
    expect(warm.result.fidelity?.totals).toEqual(again.result.fidelity?.totals);
    expect(siteFiles(folders.out)).toEqual(siteFiles(fresh.out));
  }, 120_000);

  it('links from the page made now the files of an edition not chosen', async () => {
    const folders = workspace();
    await build(folders, { editions: ['braille', 'html'] });
    const page = () => readFileSync(join(folders.out, 'id/surat-pindah/index.html'), 'utf8');
    expect(page()).toContain('braille.pef');
    edit(folders, 'id/surat-pindah.md');
    const warm = await build(folders);
    expect(warm.ran).toEqual(['html id/surat-pindah.md']);
    expect(page()).toContain('Diperbarui.');
    expect(page()).toContain('braille.pef');
  }, 120_000);

  it("does not load eSpeak NG's library for a build without audio", async () => {
    // Only the audio edition needs to know which eSpeak NG speaks; finding out loads the library.
    await build(workspace());
    expect(readFileSync('/proc/self/maps', 'utf8')).not.toContain('libespeak-ng');
  }, 120_000);
});
