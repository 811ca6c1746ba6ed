// Files that let search engines and feed readers find the services: sitemap.xml (an index of
// parts) with hreflang alternates, robots.txt and an Atom feed of procedures by their `updated` date.
// Pure functions of the procedures (no clock: every date is a procedure's `updated`), so a
// merged sharded build writes the same bytes as one build.
import type { Procedure } from '../../model/types.js';
import { type Artifact, procedureDir, type RenderContext, type Renderer, sitePart } from '../types.js';
import { languageIndexDir, siteIndex, unitPageDir } from './site-index.js';

/** The feed lists the most recently updated procedures, so it stays small however large the corpus. */
export const FEED_ENTRIES = 50;

/** URLs per sitemap part: one edit makes one part of 1,000 again (the protocol allows 50,000). */
export const SITEMAP_PART_SIZE = 1000;

/**
 * Part `n` (from 1) of the sitemap. Beside sitemap.xml, at the top of the site: a sitemap may
 * list only addresses under its own folder.
 */
export const sitemapPartFile = (n: number) => `sitemap-${n}.xml`;

export const discoveryRenderer: Renderer = {
  id: 'discovery',
  *renderSite(context) {
    yield* sitemap(context);
    yield { path: 'robots.txt', data: robots(context) };
    yield { path: 'feed.xml', data: feed(context) };
  },
};

const pageUrl = (context: RenderContext, procedure: Pick<Procedure, 'lang' | 'slug'>) =>
  `${context.site.url}${procedureDir(procedure)}/`;

/** By language, then slug: the same order whatever order the procedures were built in. */
function sorted(procedures: readonly Procedure[]): Procedure[] {
  const key = (procedure: Procedure) => `${procedure.lang}\u0000${procedure.slug}`;
  return [...procedures].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** A page of the index (not a procedure's): its address and language versions. */
interface IndexUrl {
  loc: string;
  versions: { lang: string; url: string }[];
}

/**
 * `sitemap.xml` is a sitemap index of parts of at most SITEMAP_PART_SIZE addresses: the
 * language index pages, the unit pages, then every procedure page by language and slug. A part
 * is made again only when one of its procedures or its index pages changed.
 */
function* sitemap(context: RenderContext): Generator<Artifact> {
  const { site } = context;
  const index = siteIndex(context);
  const url = (dir: string) => `${site.url}${dir}`;
  const indexVersions = index.languages.map(({ lang }) => ({
    lang,
    url: url(languageIndexDir(lang, index.sourceLang)),
  }));
  const indexUrls: IndexUrl[] = indexVersions.map((version) => ({ loc: version.url, versions: indexVersions }));
  for (const { lang, units } of index.languages) {
    for (const unit of units) {
      // A unit's first page in every language that lists it; later pages have no counterparts.
      const versions = index.languages
        .filter((other) => other.has.has(unit.unit))
        .map((other) => ({ lang: other.lang, url: url(unitPageDir(other.lang, unit.slug)) }));
      for (let n = 1; n <= unit.pages; n++)
        indexUrls.push({ loc: url(unitPageDir(lang, unit.slug, n)), versions: n === 1 ? versions : [] });
    }
  }
  const pages = sorted(context.procedures);
  // Each page's language versions, looked up by slug (in language order, as sorted gives).
  const bySlug = new Map<string, Procedure[]>();
  for (const procedure of pages) {
    const versions = bySlug.get(procedure.slug);
    if (versions) versions.push(procedure);
    else bySlug.set(procedure.slug, [procedure]);
  }
  const total = indexUrls.length + pages.length;
  const parts = Math.ceil(total / SITEMAP_PART_SIZE);
  // Made from the number of parts alone: kept while it is the same.
  yield sitePart('sitemap.xml', [], JSON.stringify({ parts }), () => sitemapIndex(context, parts));
  for (let n = 1; n <= parts; n++) {
    const start = (n - 1) * SITEMAP_PART_SIZE;
    const end = start + SITEMAP_PART_SIZE;
    const listed = indexUrls.slice(start, end);
    const members = pages.slice(Math.max(0, start - indexUrls.length), Math.max(0, end - indexUrls.length));
    yield sitePart(sitemapPartFile(n), members, JSON.stringify({ part: n, listed }), () => {
      const urls = [
        ...listed.map(({ loc, versions }) => `  <url>\n    <loc>${xml(loc)}</loc>${alternates(versions)}\n  </url>`),
        ...members.map((procedure) => {
          const versions = (bySlug.get(procedure.slug) ?? []).map((other) => ({
            lang: other.lang,
            url: pageUrl(context, other),
          }));
          return `  <url>\n    <loc>${xml(pageUrl(context, procedure))}</loc>\n    <lastmod>${procedure.meta.updated}</lastmod>${alternates(versions)}\n  </url>`;
        }),
      ];
      return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.join('\n')}
</urlset>
`;
    });
  }
}

/** hreflang alternates of an address, when it has more than one language version. */
function alternates(versions: readonly { lang: string; url: string }[]): string {
  return versions.length > 1
    ? versions
        .map(
          (version) => `\n    <xhtml:link rel="alternate" hreflang="${xml(version.lang)}" href="${xml(version.url)}"/>`,
        )
        .join('')
    : '';
}

function sitemapIndex(context: RenderContext, parts: number): string {
  const entries = Array.from(
    { length: parts },
    (_, index) =>
      `  <sitemap>\n    <loc>${xml(`${context.site.url}${sitemapPartFile(index + 1)}`)}</loc>\n  </sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.join('\n')}
</sitemapindex>
`;
}

/**
 * Crawlers read robots.txt only at a host's root: when the site lives under a path, the web
 * team copies these lines into the host's own robots.txt.
 */
function robots(context: RenderContext): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${context.site.url}sitemap.xml\n`;
}

function feed(context: RenderContext): string {
  const { site } = context;
  const entries = sorted(context.procedures)
    .map((procedure) => ({ procedure, date: procedure.meta.updated }))
    // Newest first; the sort is stable, so ties keep language/slug order.
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .slice(0, FEED_ENTRIES);
  const newest = entries[0]?.date ?? '1970-01-01';
  const timestamp = (date: string) => `${date}T00:00:00Z`;
  const items = entries.map(({ procedure, date }) => {
    const url = pageUrl(context, procedure);
    return `  <entry xml:lang="${xml(procedure.lang)}">
    <title>${xml(procedure.meta.title)}</title>
    <id>${xml(url)}</id>
    <link rel="alternate" type="text/html" hreflang="${xml(procedure.lang)}" href="${xml(url)}"/>
    <updated>${timestamp(date)}</updated>
    <summary>${xml(procedure.meta.summary)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(site.languages[0] ?? 'id')}">
  <title>${xml(site.name)}</title>
  <id>${xml(site.url)}</id>
  <link rel="self" type="application/atom+xml" href="${xml(`${site.url}feed.xml`)}"/>
  <link rel="alternate" type="text/html" href="${xml(site.url)}"/>
  <updated>${timestamp(newest)}</updated>
  <author>
    <name>${xml(site.name)}</name>${site.email ? `\n    <email>${xml(site.email)}</email>` : ''}
    <uri>${xml(site.url)}</uri>
  </author>
${items.join('\n')}
</feed>
`;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
