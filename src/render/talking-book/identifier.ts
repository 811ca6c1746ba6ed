// The book's identifier: a name-based UUID (version 5, RFC 9562) of the page's web address,
// so the same procedure on the same site always has the same identifier, and no other has it.
import { createHash } from 'node:crypto';

/** The URL namespace of RFC 9562, appendix A. */
const URL_NAMESPACE = '6ba7b8119dad11d180b400c04fd430c8';

export function bookIdentifier(siteUrl: string, lang: string, slug: string): string {
  const name = new URL(`${encodeURIComponent(lang)}/${encodeURIComponent(slug)}/`, siteUrl).href;
  const hash = createHash('sha1').update(Buffer.from(URL_NAMESPACE, 'hex')).update(name, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
