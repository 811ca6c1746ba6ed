// Messages as one line each, `file:line:column  severity  reason  rule-id`, so
// writers see where to look and editors can jump there.
import type { VFile } from 'vfile';

export function formatMessages(files: readonly VFile[]): string[] {
  return files.flatMap((file) =>
    [...file.messages]
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
      .map((message) => {
        const place = message.line ? `:${message.line}:${message.column ?? 1}` : '';
        const severity = message.fatal ? 'error' : 'warning';
        const line = `${file.path}${place}  ${severity}  ${message.reason}  ${message.ruleId ?? ''}`.trimEnd();
        return escapeControls(line);
      }),
  );
}

export function countMessages(files: readonly VFile[]): { errors: number; warnings: number } {
  const messages = files.flatMap((file) => file.messages);
  const errors = messages.filter((message) => message.fatal === true).length;
  return { errors, warnings: messages.length - errors };
}

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
