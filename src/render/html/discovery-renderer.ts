// Files that let search engines and feed readers find the services: sitemap.xml with
// hreflang alternates, robots.txt and an Atom feed of procedures by their `updated` date.
// Pure functions of the procedures (no clock: every date is a procedure's `updated`), so a
// merged sharded build writes the same bytes as one build.
import type { Procedure } from '../../model/types.js';
import { procedureDir, type RenderContext, type Renderer } from '../types.js';

/** The feed lists the most recently updated procedures, so it stays small however large the corpus. */
export const FEED_ENTRIES = 50;

export const discoveryRenderer: Renderer = {
  id: 'discovery',
  renderSite(context) {
    return [
      { path: 'sitemap.xml', data: sitemap(context) },
      { path: 'robots.txt', data: robots(context) },
      { path: 'feed.xml', data: feed(context) },
    ];
  },
};

const pageUrl = (context: RenderContext, procedure: Pick<Procedure, 'lang' | 'slug'>) =>
  `${context.site.url}${procedureDir(procedure)}/`;

/** By language, then slug: the same order whatever order the procedures were built in. */
function sorted(procedures: readonly Procedure[]): Procedure[] {
  const key = (procedure: Procedure) => `${procedure.lang}\u0000${procedure.slug}`;
  return [...procedures].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function sitemap(context: RenderContext): string {
  const { site } = context;
  const sourceLang = site.languages[0] ?? 'id';
  const indexUrl = (lang: string) => `${site.url}${lang === sourceLang ? '' : `${lang}/`}`;
  const indexLanguages = site.languages.filter(
    (lang) => lang === sourceLang || context.procedures.some((procedure) => procedure.lang === lang),
  );
  const alternates = (versions: readonly { lang: string; url: string }[]) =>
    versions.length > 1
      ? versions.map(
          (version) => `\n    <xhtml:link rel="alternate" hreflang="${xml(version.lang)}" href="${xml(version.url)}"/>`,
        )
      : [];
  const indexVersions = indexLanguages.map((lang) => ({ lang, url: indexUrl(lang) }));
  // Each page's language versions, looked up by slug (in language order, as sorted gives).
  const pages = sorted(context.procedures);
  const bySlug = new Map<string, Procedure[]>();
  for (const procedure of pages) bySlug.set(procedure.slug, [...(bySlug.get(procedure.slug) ?? []), procedure]);
  const urls = [
    ...indexLanguages.map(
      (lang) => `  <url>\n    <loc>${xml(indexUrl(lang))}</loc>${alternates(indexVersions).join('')}\n  </url>`,
    ),
    ...pages.map((procedure) => {
      const versions = (bySlug.get(procedure.slug) ?? []).map((other) => ({
        lang: other.lang,
        url: pageUrl(context, other),
      }));
      return `  <url>\n    <loc>${xml(pageUrl(context, procedure))}</loc>\n    <lastmod>${procedure.meta.updated}</lastmod>${alternates(versions).join('')}\n  </url>`;
    }),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.join('\n')}
</urlset>
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
