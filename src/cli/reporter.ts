// Messages for people, the way unified's vfile-reporter shows them: grouped under each
// file's path, one `line:column  severity  message  rule-id` line each, coloured only on
// a terminal that wants colour (never with NO_COLOR or when piped). Each file is printed
// as soon as its messages are complete, so a long build shows problems as it goes.
import type { VFile } from 'vfile';
import reporterJson from 'vfile-reporter-json';
import { type Catalogue, formatMessage, localise } from '../i18n/messages.js';
import { escapeControls } from './escape-controls.js';

export interface ReporterOptions {
  catalogue: Catalogue;
  /** Errors only. */
  quiet?: boolean;
  /** Use ANSI colours (the caller decides: a TTY that has colours, and no NO_COLOR). */
  color?: boolean;
}

const RULE_PAGES = new URL('../../docs/rules/', import.meta.url);

const STYLE = {
  red: ['\u001b[31m', '\u001b[39m'],
  yellow: ['\u001b[33m', '\u001b[39m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  underline: ['\u001b[4m', '\u001b[24m'],
} as const;

/** The lines that show one file's messages; none when it has nothing to show. */
export function formatFile(file: VFile, options: ReporterOptions): string[] {
  localise([file], options.catalogue);
  const paint = (style: keyof typeof STYLE, text: string) =>
    options.color ? `${STYLE[style][0]}${text}${STYLE[style][1]}` : text;
  const messages = [...file.messages]
    .filter((message) => !options.quiet || message.fatal === true)
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  if (messages.length === 0) return [];
  const rows = messages.map((message) => ({
    place: message.line ? `${message.line}:${message.column ?? 1}` : '',
    severity: message.fatal
      ? { text: formatMessage(options.catalogue, { id: 'severity-error' }), style: 'red' as const }
      : { text: formatMessage(options.catalogue, { id: 'severity-warning' }), style: 'yellow' as const },
    // Messages may quote the writer's text: its control characters are shown, never obeyed.
    reason: escapeControls(message.reason),
    ruleId: message.ruleId ?? '',
  }));
  const placeWidth = Math.max(...rows.map((row) => row.place.length));
  const severityWidth = Math.max(...rows.map((row) => row.severity.text.length));
  return [
    paint('underline', escapeControls(file.path)),
    ...rows.map((row) =>
      `  ${row.place.padEnd(placeWidth)}  ${paint(row.severity.style, row.severity.text.padEnd(severityWidth))}  ${row.reason}  ${paint('dim', row.ruleId)}`.trimEnd(),
    ),
    '',
  ];
}

export function countMessages(files: readonly VFile[]): { errors: number; warnings: number } {
  const messages = files.flatMap((file) => file.messages);
  const errors = messages.filter((message) => message.fatal === true).length;
  return { errors, warnings: messages.length - errors };
}

/**
 * One JSON report of every file (vfile-reporter-json's shape: an array of
 * `{ path, cwd, history, messages: [{ reason, line, column, place, ruleId, source, fatal, url, … }] }`).
 */
export function formatJson(files: readonly VFile[], options: ReporterOptions): string {
  localise(files, options.catalogue);
  // Each rule's page (docs/rules/<id>.md, shipped with the package), for editors to link.
  for (const message of files.flatMap((file) => file.messages)) {
    if (message.ruleId) message.url = new URL(`${message.ruleId}.md`, RULE_PAGES).href;
  }
  return reporterJson([...files], { silent: options.quiet === true });
}
