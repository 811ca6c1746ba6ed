// site.yaml `url`: the public address every page, QR code and catalog entry is built on,
// so it must be a clean absolute http(s) address (a prefix check let `https://a.example/"><script>` in).
const UNSAFE = /[\s"'<>\\^`{|}]/;

/** The address as `URL` writes it, ending in `/`; undefined when it is not clean. */
export function cleanSiteUrl(text: string): string | undefined {
  if (UNSAFE.test(text) || !/^https?:\/\/[^/]/i.test(text) || !URL.canParse(text)) return undefined;
  const url = new URL(text);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (!url.hostname || url.username || url.password || url.search || url.hash) return undefined;
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}
