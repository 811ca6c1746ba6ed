// Characters no edition can carry: C0 and C1 controls other than tab, line feed and
// carriage return, and U+FFFE/U+FFFF. XML (SVG, PEF, HTML) forbids them, librsvg stops on
// them, and a terminal would obey them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;
const ANY_CONTROL = new RegExp(CONTROL_CHARACTER.source);

/** The first control character in `text`. */
export function firstControl(text: string): string | undefined {
  return ANY_CONTROL.exec(text)?.[0];
}

/** The first control character in any string (key or value) of parsed YAML data. */
export function controlInData(data: unknown): string | undefined {
  const stack: unknown[] = [data];
  for (let count = 0; stack.length > 0 && count < 100_000; count++) {
    const value = stack.pop();
    if (typeof value === 'string') {
      const char = firstControl(value);
      if (char) return char;
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) stack.push(key, item);
    }
  }
  return undefined;
}

/** How a character is named in messages: U+001B. */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
