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
        return `${file.path}${place}  ${severity}  ${message.reason}  ${message.ruleId ?? ''}`.trimEnd();
      }),
  );
}

export function countMessages(files: readonly VFile[]): { errors: number; warnings: number } {
  const messages = files.flatMap((file) => file.messages);
  const errors = messages.filter((message) => message.fatal === true).length;
  return { errors, warnings: messages.length - errors };
}
