// What lets search engines, portals and feed readers find the services: JSON-LD checked
// against the schema.org vocabulary (as schema-dts publishes it from schema.org's own
// definitions), sitemap.xml with hreflang alternates, robots.txt, an Atom feed, clean URLs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { pelita, readTree, tempDir } from './support/cli.js';
import { FIXTURES, REPO } from './support/fixtures.js';

const out = tempDir('pelita-discovery-');
let files: Map<string, Buffer>;
const SITE = 'https://disdukcapil.wanasari.example/layanan/';

beforeAll(() => {
  const build = pelita(['build', '--content', join(FIXTURES, 'web'), '--out', out, '--editions', 'html']);
  if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
  files = readTree(out);
});

const text = (path: string) => files.get(path)!.toString('utf8');
const pages = () => [...files.keys()].filter((path) => path.endsWith('.html') && path.includes('index'));

/** The vocabulary: each type's own properties, parents and subtypes, read from schema-dts's declarations. */
function vocabulary() {
  const source = readFileSync(join(REPO, 'node_modules/schema-dts/dist/schema.d.ts'), 'utf8');
  const properties = new Map<string, Map<string, string>>();
  const parents = new Map<string, string[]>();
  for (const match of source.matchAll(/^interface (\w+)Base extends ([^{]+)\{\n([\s\S]*?)^\}/gm)) {
    const own = new Map<string, string>();
    for (const property of match[3]!.matchAll(/^ {4}"(\w+)"\?: SchemaValue<([^\n]*), "\1">;$/gm)) {
      own.set(property[1]!, property[2]!);
    }
    properties.set(match[1]!, own);
    parents.set(
      match[1]!,
      [...match[2]!.matchAll(/(\w+)Base\b/g)].map((parent) => parent[1]!),
    );
  }
  const subtypes = new Map<string, string[]>();
  for (const match of source.matchAll(/^export type (\w+) = ([^;]+);$/gm)) {
    subtypes.set(
      match[1]!,
      match[2]!.split('|').map((part) => part.trim().replace(/Leaf$/, '')),
    );
  }
  // A type with no properties of its own has no Base: its Leaf extends its parent's Base.
  const leaves = new Map(
    [...source.matchAll(/^export interface (\w+)Leaf extends (\w+)Base/gm)].map((match) => [match[1]!, match[2]!]),
  );
  const ancestors = (type: string): string[] =>
    properties.has(type)
      ? [type, ...(parents.get(type) ?? []).flatMap(ancestors)]
      : leaves.has(type) && leaves.get(type) !== type
        ? ancestors(leaves.get(type)!)
        : [];
  const isA = (type: string, wanted: string): boolean =>
    type === wanted || (subtypes.get(wanted) ?? []).some((sub) => sub !== wanted && isA(type, sub));
  /** Problems of one JSON-LD node and its children, as readable lines. */
  const check = (node: Record<string, unknown>, path: string): string[] => {
    const type = node['@type'];
    if (typeof type !== 'string' || !leaves.has(type)) return [`${path}: unknown type ${String(type)}`];
    return Object.entries(node).flatMap(([key, value]) => {
      if (key.startsWith('@')) return [];
      const range = ancestors(type)
        .map((ancestor) => properties.get(ancestor)?.get(key))
        .find(Boolean);
      if (!range) return [`${path}: ${type} has no property ${key}`];
      const values = Array.isArray(value) ? value : [value];
      return values.flatMap((item, index) => {
        if (typeof item !== 'object' || item === null) return [];
        const child = item as Record<string, unknown>;
        const allowed = range.split('|').map((part) => part.trim());
        const childType = String(child['@type'] ?? '');
        const fits = !child['@type'] || allowed.some((wanted) => isA(childType, wanted));
        return [
          ...(fits ? [] : [`${path}.${key}: ${childType} is not one of ${range}`]),
          ...(child['@type'] ? check(child, `${path}.${key}[${index}]`) : []),
        ];
      });
    });
  };
  return { check };
}

const jsonLd = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((match) => JSON.parse(match[1]!));

describe('JSON-LD GovernmentService', () => {
  const { check } = vocabulary();

  it('is on every procedure page, with every type and property from schema.org', () => {
    const procedurePages = pages().filter((path) => path.split('/').length === 3);
    expect(procedurePages.length).toBe(4);
    for (const path of procedurePages) {
      const [data] = jsonLd(text(path));
      expect(data['@context']).toBe('https://schema.org');
      expect(data['@type']).toBe('GovernmentService');
      expect(check(data, path)).toEqual([]);
    }
  });

  it('names the service, its office, cost, product, languages, address and date', () => {
    const [data] = jsonLd(text('jv/akta-kelahiran/index.html'));
    expect(data).toMatchObject({
      name: 'Ngurus Akta Kelahiran',
      url: `${SITE}jv/akta-kelahiran/`,
      provider: {
        '@type': 'GovernmentOrganization',
        name: 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Wanasari',
        address: { '@type': 'PostalAddress', streetAddress: 'Jl. Merdeka No. 5, Wanasari 54321' },
        telephone: '(0287) 555210',
      },
      offers: { '@type': 'Offer', price: 0, priceCurrency: 'IDR' },
      produces: { name: 'Kutipan Akta Kelahiran' },
      availableChannel: { availableLanguage: [{ alternateName: 'jv' }, { alternateName: 'id' }] },
      mainEntityOfPage: { dateModified: '2026-01-20', inLanguage: 'jv' },
    });
  });

  it('the check itself finds a made-up property and a wrong type', () => {
    const problems = check(
      {
        '@type': 'GovernmentService',
        name: 'x',
        price: 0,
        provider: { '@type': 'PostalAddress', streetAddress: 'y' },
      },
      'test',
    );
    expect(problems).toEqual([
      'test: GovernmentService has no property price',
      'test.provider: PostalAddress is not one of Organization | Person | IdReference',
    ]);
  });
});

describe('Open Graph, clean URLs', () => {
  it('gives every page Open Graph and Twitter tags and a clean canonical address', () => {
    const page = text('id/kartu-keluarga-baru/index.html');
    expect(page).toContain('<meta property="og:title" content="Penerbitan Kartu Keluarga Baru">');
    expect(page).toContain(`<meta property="og:url" content="${SITE}id/kartu-keluarga-baru/">`);
    expect(page).toContain('<meta property="og:locale" content="id_ID">');
    expect(page).toContain('<meta name="twitter:card" content="summary">');
    expect(page).toContain(`<link rel="canonical" href="${SITE}id/kartu-keluarga-baru/">`);
  });

  it('links no page by index.html', () => {
    const links = pages().flatMap((path) =>
      [...text(path).matchAll(/href="([^"]*)"/g)].map((match) => `${path}: ${match[1]}`),
    );
    expect(links.length).toBeGreaterThan(50);
    expect(links.filter((link) => link.endsWith('index.html'))).toEqual([]);
  });
});

describe('sitemap.xml and robots.txt', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['url', 'xhtml:link'].includes(name),
  });

  it('is an index of parts beside it that list every page once with its date and language versions', () => {
    const index = parser.parse(text('sitemap.xml')).sitemapindex;
    expect(index.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(index.sitemap).toEqual({ loc: `${SITE}sitemap-1.xml` });
    const sitemap = parser.parse(text('sitemap-1.xml')).urlset;
    expect(sitemap.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs: string[] = sitemap.url.map((url: { loc: string }) => url.loc);
    expect(new Set(locs).size).toBe(locs.length);
    // Every page of the site: the language indexes, their unit pages, every procedure's.
    expect(locs.map((loc) => `${loc.slice(SITE.length)}index.html`).sort()).toEqual(
      pages()
        .filter((path) => path.endsWith('/index.html') || path === 'index.html')
        .sort(),
    );
    expect(locs).toEqual(
      expect.arrayContaining([
        SITE,
        `${SITE}jv/`,
        `${SITE}unit/id/bidang-pelayanan-pencatatan-sipil/`,
        `${SITE}id/akta-kelahiran/`,
        `${SITE}jv/akta-kelahiran/`,
      ]),
    );
    const unit = sitemap.url.find(
      (url: { loc: string }) => url.loc === `${SITE}unit/jv/bidang-pelayanan-pencatatan-sipil/`,
    );
    expect(unit['xhtml:link']).toEqual([
      { rel: 'alternate', hreflang: 'id', href: `${SITE}unit/id/bidang-pelayanan-pencatatan-sipil/` },
      { rel: 'alternate', hreflang: 'jv', href: `${SITE}unit/jv/bidang-pelayanan-pencatatan-sipil/` },
    ]);
    for (const url of sitemap.url) {
      const path = `${url.loc.slice(SITE.length)}index.html`;
      expect(files.has(path), path).toBe(true);
      // The page says the same address is its own.
      expect(text(path)).toContain(`<link rel="canonical" href="${url.loc}">`);
      // A procedure's page has the date it was updated; an index page has none.
      if (path.split('/').length === 3) expect(url.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      else expect(url.lastmod).toBeUndefined();
    }
    const birth = sitemap.url.find((url: { loc: string }) => url.loc === `${SITE}id/akta-kelahiran/`);
    expect(birth['xhtml:link']).toEqual([
      { rel: 'alternate', hreflang: 'id', href: `${SITE}id/akta-kelahiran/` },
      { rel: 'alternate', hreflang: 'jv', href: `${SITE}jv/akta-kelahiran/` },
    ]);
    const single = sitemap.url.find((url: { loc: string }) => url.loc === `${SITE}id/surat-pindah/`);
    expect(single['xhtml:link']).toBeUndefined();
  });

  it('names the sitemap in robots.txt', () => {
    expect(text('robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}sitemap.xml\n`);
  });
});

describe('Atom feed', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['entry', 'link'].includes(name),
  });
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

  it('has the elements RFC 4287 requires, entries newest first, each linking a page that exists', () => {
    const feed = parser.parse(text('feed.xml')).feed;
    expect(feed.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe(SITE);
    expect(feed.title).toBe('Dinas Kependudukan dan Pencatatan Sipil Kabupaten Wanasari');
    expect(feed.updated).toBe('2026-03-10T00:00:00Z');
    expect(feed.author.name).toBeTruthy();
    expect(feed.link).toContainEqual({ rel: 'self', type: 'application/atom+xml', href: `${SITE}feed.xml` });
    const dates = feed.entry.map((entry: { updated: string }) => entry.updated);
    expect(dates).toEqual([...dates].sort().reverse());
    const ids = feed.entry.map((entry: { id: string }) => entry.id);
    expect(new Set(ids).size).toBe(4);
    for (const entry of feed.entry) {
      expect(entry.updated).toMatch(rfc3339);
      expect(entry.title).toBeTruthy();
      expect(entry.summary).toBeTruthy();
      const [link] = entry.link;
      expect(link.rel).toBe('alternate');
      expect(files.has(`${link.href.slice(SITE.length)}index.html`)).toBe(true);
    }
    expect(feed.entry[0]).toMatchObject({ 'xml:lang': 'id', title: 'Penerbitan Kartu Keluarga Baru' });
  });
});
