// Which link targets may become links. Browsers ignore tabs, newlines and
// control characters inside a scheme (`java\tscript:`), so those are removed first.
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

export function isSafeUrl(url: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  return scheme === undefined || SAFE_SCHEMES.has(scheme);
}
