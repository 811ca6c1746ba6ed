// The index in pages that stay small: a page per language listing its units with their
// counts, per unit and language pages of at most UNIT_PAGE_SIZE services linked prev/next,
// and sitemap.xml an index of parts of at most SITEMAP_PART_SIZE addresses. Every such page
// is a site part: an edited summary makes again only the unit pages and the sitemap part that
// list it, and the folder is the one a cold build makes.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Procedure } from '../src/model/types.js';
import { runBuild } from '../src/pipeline/build.js';
import { discoveryRenderer, SITEMAP_PART_SIZE } from '../src/render/html/discovery-renderer.js';
import { htmlRenderer } from '../src/render/html/html-renderer.js';
import { UNIT_PAGE_SIZE, unitSlugs } from '../src/render/html/site-index.js';
import { isSitePart, type RenderContext } from '../src/render/types.js';
import { readTree, tempDir } from './support/cli.js';
import { FIXTURES, renderContext } from './support/fixtures.js';

process.env.XDG_CACHE_HOME = tempDir('pelita-cache-home-');

/** The units of the corpus, with their Javanese names (the second keeps the Indonesian one). */
const UNITS = [
  { id: 'Bidang Pendaftaran Penduduk', jv: 'Bidang Pandaftaran Penduduk', slug: 'bidang-pendaftaran-penduduk' },
  { id: 'Bidang Pencatatan Sipil', jv: 'Bidang Pencatatan Sipil', slug: 'bidang-pencatatan-sipil' },
  { id: 'Sekretariat', jv: undefined, slug: 'sekretariat' },
] as const;
const COUNT = 250;
/** Procedures 1–130 in the first unit (two pages), 131–220 in the second, 221–250 in the third. */
const unitOf = (n: number) => (n <= 130 ? UNITS[0] : n <= 220 ? UNITS[1] : UNITS[2]);
/** Every fifth procedure of the first two units is in Javanese too. */
const translated = (n: number) => n % 5 === 0 && n <= 220;
const pad = (n: number) => String(n).padStart(3, '0');
const slug = (n: number) => `layanan-${pad(n)}`;
const numbers = Array.from({ length: COUNT }, (_, index) => index + 1);

function corpus(): string {
  const content = join(tempDir('pelita-index-parts-'), 'content');
  for (const lang of ['id', 'jv']) mkdirSync(join(content, lang), { recursive: true });
  cpSync(join(FIXTURES, 'registry/site.yaml'), join(content, 'site.yaml'));
  const source = (lang: string) => readFileSync(join(FIXTURES, `registry/${lang}/akta-kelahiran.md`), 'utf8');
  const [original, translation] = [source('id'), source('jv')];
  for (const n of numbers) {
    const unit = unitOf(n);
    const vary = (text: string, unitName: string) =>
      text.replace(/^title: (.*)$/m, `title: $1 ${pad(n)}`).replace(/^unit: .*$/m, `unit: ${unitName}`);
    writeFileSync(join(content, `id/${slug(n)}.md`), vary(original, unit.id));
    if (translated(n)) writeFileSync(join(content, `jv/${slug(n)}.md`), vary(translation, unit.jv ?? unit.id));
  }
  return content;
}

const build = (contentDir: string, outDir: string) => runBuild({ contentDir, outDir, editions: ['html'] });

/** A page's address (the folder, as links give it) from a link on the page at `from`. */
const resolve = (from: string, href: string) =>
  new URL(href, `https://x.example/${from}`).pathname.slice(1).replace(/(^|\/)$/, '$1index.html');

/** The links of a page's list of class `list`, as paths. */
function listed(page: string, html: string, list: string): string[] {
  const start = html.indexOf(`<ul class="${list}"`);
  if (start < 0) return [];
  const segment = html.slice(start, html.indexOf('</ul>', start));
  return [...segment.matchAll(/<a href="([^"]+)"/g)].map((match) => resolve(page, match[1] ?? ''));
}

const rel = (page: string, html: string, which: 'prev' | 'next') => {
  const href = new RegExp(`<a href="([^"]+)" rel="${which}">`).exec(html)?.[1];
  return href === undefined ? undefined : resolve(page, href);
};

describe('the index split per language and unit', () => {
  it('lists each unit with its count, each service once over its unit’s pages; one edit remakes one page', async () => {
    const content = corpus();
    const out = join(tempDir('pelita-index-parts-out-'), 'out');
    await build(content, out);
    let tree = readTree(out);
    const text = (path: string) => tree.get(path)?.toString('utf8') ?? '';

    for (const lang of ['id', 'jv']) {
      const indexPath = lang === 'id' ? 'index.html' : 'jv/index.html';
      const index = text(indexPath);
      // The language's page lists units, not services, by the name it shows.
      const shown = (unit: (typeof UNITS)[number]) => (lang === 'jv' && unit.jv ? unit.jv : unit.id);
      const byName = [...UNITS].sort((a, b) => (shown(a) < shown(b) ? -1 : 1));
      expect(listed(indexPath, index, 'pelita-index-list')).toEqual(
        byName.map((unit) => `unit/${lang}/${unit.slug}/index.html`),
      );
      for (const unit of UNITS) {
        const own = numbers.filter((n) => unitOf(n) === unit && (lang === 'id' || translated(n)));
        const untranslated = lang === 'id' ? [] : numbers.filter((n) => unitOf(n) === unit && !translated(n));
        const name = shown(unit);
        const counts = lang === 'id' ? `${own.length} layanan` : `${own.length} layanan · Namung wonten ing`;
        expect(index).toMatch(new RegExp(`>${name}</a>\\s*<p>${counts}`));
        if (untranslated.length > 0) expect(index).toContain(`Bahasa Indonesia</span>: ${untranslated.length}</p>`);

        // Page by page, following "next": each service of the unit once, in its own list.
        const pages: string[] = [];
        const seen: string[] = [];
        const seenUntranslated: string[] = [];
        for (let page: string | undefined = `unit/${lang}/${unit.slug}/index.html`; page; ) {
          const html = text(page);
          expect(html, page).toContain('<!doctype html>');
          expect(rel(page, html, 'prev')).toBe(pages.at(-1));
          pages.push(page);
          seen.push(...listed(page, html, 'pelita-index-list'));
          seenUntranslated.push(...listed(page, html, 'pelita-index-compact'));
          expect(html).toContain(
            `<link rel="canonical" href="https://disdukcapil.contoh.example/layanan/${page.replace(/index\.html$/, '')}">`,
          );
          page = rel(page, html, 'next');
        }
        const entries = own.length + untranslated.length;
        expect(pages.length).toBe(Math.ceil(entries / UNIT_PAGE_SIZE));
        expect(seen).toEqual(own.map((n) => `${lang}/${slug(n)}/index.html`));
        expect(seenUntranslated).toEqual(untranslated.map((n) => `id/${slug(n)}/index.html`));
        if (pages.length > 1) {
          expect(pages[1]).toBe(`unit/${lang}/${unit.slug}/2/index.html`);
          const label = lang === 'id' ? 'Halaman 2 dari 2' : 'Kaca 2 saking 2';
          expect(text(pages[1] ?? '')).toContain(`<li aria-current="page">${label}</li>`);
          expect(text(pages[1] ?? '')).toMatch(/<nav class="pelita-pages" aria-label="[^"]+">/);
        }
      }
    }
    // The first unit has two pages in both languages, its Javanese ones mixing both lists.
    expect(tree.has('unit/jv/bidang-pendaftaran-penduduk/2/index.html')).toBe(true);

    // Procedure 61 (first unit, no translation) is on page 1 of its unit in both languages.
    const edited = join(content, `id/${slug(61)}.md`);
    writeFileSync(edited, readFileSync(edited, 'utf8').replace(/^summary: (.*)$/m, 'summary: $1 Diperbarui.'));
    const one = await build(content, out);
    const site = (paths: readonly string[]) =>
      paths.filter((path) => /^(unit\/|sitemap|index\.html|jv\/index\.html)/.test(path));
    expect(site(one.written).sort()).toEqual([
      'sitemap-1.xml',
      'unit/id/bidang-pendaftaran-penduduk/index.html',
      'unit/jv/bidang-pendaftaran-penduduk/index.html',
    ]);
    expect(one.reused).toEqual(
      expect.arrayContaining([
        'index.html',
        'jv/index.html',
        'sitemap.xml',
        'unit/id/bidang-pendaftaran-penduduk/2/index.html',
        'unit/jv/bidang-pendaftaran-penduduk/2/index.html',
        'unit/id/bidang-pencatatan-sipil/index.html',
        'unit/jv/sekretariat/index.html',
      ]),
    );
    tree = readTree(out);
    expect(text('unit/id/bidang-pendaftaran-penduduk/index.html')).toContain('Diperbarui.');

    // 35 services of the first unit go: it fits one page, and its second pages go.
    for (let n = 1; n <= 35; n++) rmSync(join(content, `id/${slug(n)}.md`));
    for (let n = 5; n <= 35; n += 5) rmSync(join(content, `jv/${slug(n)}.md`));
    const fewer = await build(content, out);
    expect(fewer.written).toEqual(expect.arrayContaining(['index.html', 'jv/index.html']));
    tree = readTree(out);
    expect(tree.has('unit/id/bidang-pendaftaran-penduduk/2/index.html')).toBe(false);
    expect(tree.has('unit/jv/bidang-pendaftaran-penduduk/2/index.html')).toBe(false);
    expect(text('index.html')).toMatch(/>Bidang Pendaftaran Penduduk<\/a>\s*<p>95 layanan/);

    const cold = join(tempDir('pelita-index-parts-cold-'), 'out');
    await build(content, cold);
    expect(readTree(out)).toEqual(readTree(cold));
  }, 300_000);
});

describe('unit addresses', () => {
  it('are the unit’s name in slug form; names that give the same slug are told apart in name order', () => {
    const slugs = unitSlugs(['UPT Pelayanan', 'Bidang Ékonomi', 'upt pelayanan', 'UPT  Pelayanan!', '', '***']);
    expect(Object.fromEntries(slugs)).toEqual({
      '***': 'unit',
      'Bidang Ékonomi': 'bidang-ekonomi',
      'UPT  Pelayanan!': 'upt-pelayanan',
      'UPT Pelayanan': 'upt-pelayanan-2',
      'upt pelayanan': 'upt-pelayanan-3',
      '': 'lainnya',
    });
    // The same whatever order the units come in.
    expect(unitSlugs([...slugs.keys()].reverse())).toEqual(slugs);
  });
});

describe('site parts at scale (renderers alone)', async () => {
  /** 2,400 originals in 3 units, 600 translations: more than one sitemap part. */
  const base = await renderContext([]);
  const procedure = (lang: string, n: number, summary = `Ringkasan ${n}.`) =>
    ({
      lang,
      slug: `layanan-${String(n).padStart(4, '0')}`,
      source: `${lang}/${n}.md`,
      meta: {
        title: `Layanan ${String(n).padStart(4, '0')}`,
        summary,
        unit: ['Bidang A', 'Bidang B', 'Bidang C'][n % 3],
        updated: '2026-01-02',
      },
    }) as unknown as Procedure;
  const all = (edit?: number) => [
    ...Array.from({ length: 2400 }, (_, i) => procedure('id', i + 1, i + 1 === edit ? 'Diubah.' : undefined)),
    ...Array.from({ length: 600 }, (_, i) => procedure('jv', (i + 1) * 4)),
  ];
  const contextOf = (procedures: Procedure[]): RenderContext => ({ ...base, procedures });
  const files = (context: RenderContext) => [
    ...(htmlRenderer.renderSite?.(context, new Map()) ?? []),
    ...(discoveryRenderer.renderSite?.(context, new Map()) ?? []),
  ];

  it('sitemap parts of at most SITEMAP_PART_SIZE list every page once; no index page is large', () => {
    const context = contextOf(all());
    const artifacts = files(context);
    const data = (path: string) => String(artifacts.find((artifact) => artifact.path === path)?.data);
    const parser = new XMLParser({ isArray: (name) => ['url', 'sitemap'].includes(name) });
    const parts = parser.parse(data('sitemap.xml')).sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc);
    const site = context.site.url;
    expect(parts.length).toBeGreaterThan(1);
    const locs = parts.flatMap((loc: string, index: number) => {
      expect(loc).toBe(`${site}sitemap-${index + 1}.xml`);
      const urls = parser.parse(data(loc.slice(site.length))).urlset.url.map((url: { loc: string }) => url.loc);
      expect(urls.length).toBeLessThanOrEqual(SITEMAP_PART_SIZE);
      return urls;
    });
    const indexPages = artifacts
      .filter((artifact) => artifact.path.endsWith('index.html'))
      .map((artifact) => artifact.path);
    const pages = [...indexPages, ...context.procedures.map((p) => `${p.lang}/${p.slug}/index.html`)];
    expect(locs.length).toBe(pages.length);
    expect(new Set(locs)).toEqual(new Set(pages.map((path) => `${site}${path.replace(/index\.html$/, '')}`)));
    // 2 languages × 3 units × 8 pages of 100 (800 services or originals each), and 2 language pages.
    expect(indexPages.length).toBe(2 + 2 * 3 * 8);
    for (const path of indexPages) expect(data(path).length, path).toBeLessThan(48_000);
  });

  it('an edited summary changes only the parts that list its procedure', () => {
    const identity = (context: RenderContext) =>
      new Map(
        files(context)
          .filter(isSitePart)
          .map((part) => [part.path, { key: part.key, members: part.members.map((m) => `${m.lang}/${m.slug}`) }]),
      );
    // Procedure 1001: the fourth page of its unit in Indonesian, not translated (fifth page in Javanese).
    const edited = procedure('id', 1001);
    const before = identity(contextOf(all()));
    const after = identity(contextOf(all(1001)));
    expect([...after.keys()]).toEqual([...before.keys()]);
    const dir = `${edited.lang}/${edited.slug}`;
    // A part is kept while its key and its members are: only those listing the procedure are made again.
    const remade = [...after].filter(
      ([path, part]) => part.key !== before.get(path)?.key || part.members.includes(dir),
    );
    expect(remade.map(([path]) => path).sort()).toEqual([
      'sitemap-2.xml',
      'unit/id/bidang-c/4/index.html',
      'unit/jv/bidang-c/5/index.html',
    ]);
  });
});
