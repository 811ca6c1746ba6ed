// Control characters (a message may quote the writer's text) and bidirectional overrides
// are shown as \x1B or \u202E, never sent to the terminal, which would obey them.
const UNPRINTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;

export function escapeControls(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
      : `\\u${code.toString(16).toUpperCase()}`;
  });
}
