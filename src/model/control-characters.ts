// Characters no edition can carry: C0 and C1 controls other than tab, line feed and
// carriage return, and U+FFFE/U+FFFF. XML (SVG, PEF, HTML) forbids them, librsvg stops on
// them, and a terminal would obey them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;

/** How a character is named in messages: U+001B. */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
