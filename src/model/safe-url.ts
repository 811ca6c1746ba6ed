// Which link targets may become links. Browsers ignore tabs, newlines and
// control characters inside a scheme (`java\tscript:`), so those are removed first.
// A backslash is never safe: browsers read `\\host\x` as `//host/x` (another site) and a
// PDF reader as a Windows share.
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

export function isSafeUrl(url: string): boolean {
  if (url.includes('\\')) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  return scheme === undefined || SAFE_SCHEMES.has(scheme);
}
