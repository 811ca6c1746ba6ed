// Messages Pelita prints, by id. Their text lives in templates/i18n/messages/<lang>.yaml
// (like the UI words), so a rule says *which* message and with what values, and the
// pipeline puts it in the reader's language just before it is shown.
import type { VFile } from 'vfile';

type VFileMessage = VFile['messages'][number];

/** A value in a message: plain text, a number, another message (a word that is translated too), or a list of them. */
export type MessageValue = string | number | MessageText | readonly MessageValue[];

export interface MessageText {
  id: string;
  params?: Readonly<Record<string, MessageValue>>;
  /** Shown when the catalogue has no such id (renderers' own texts). */
  fallback?: string;
}

/** Message id → template with `{name}` placeholders. */
export type Catalogue = ReadonlyMap<string, string>;

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/** The text of a message; an id the catalogue lacks is shown as the id itself, never lost. */
export function formatMessage(catalogue: Catalogue, text: MessageText): string {
  const template = catalogue.get(text.id);
  if (template === undefined) {
    return text.fallback ?? (text.params ? `${text.id} ${JSON.stringify(text.params)}` : text.id);
  }
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = text.params?.[name];
    return value === undefined ? whole : formatValue(catalogue, value);
  });
}

function formatValue(catalogue: Catalogue, value: MessageValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (isMessageText(value)) return formatMessage(catalogue, value);
  return (value as readonly MessageValue[]).map((item) => formatValue(catalogue, item)).join('; ');
}

function isMessageText(value: MessageValue): value is MessageText {
  return typeof value === 'object' && !Array.isArray(value) && 'id' in value;
}

/** Placeholder names in a template, sorted, for comparing catalogues. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))].sort();
}

/** Reads one parsed `templates/i18n/messages/<lang>.yaml`: a map of id → text. */
export function readCatalogue(data: unknown): Map<string, string> {
  const catalogue = new Map<string, string>();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return catalogue;
  for (const [id, text] of Object.entries(data)) if (typeof text === 'string') catalogue.set(id, text.trim());
  return catalogue;
}

// Which message each vfile message carries; kept beside the message, so rules stay plain.
const TEXTS = new WeakMap<VFileMessage, MessageText>();

export function attachText(message: VFileMessage, text: MessageText): void {
  TEXTS.set(message, text);
  message.reason = text.fallback ?? text.id;
  message.message = message.reason;
}

export function textOf(message: VFileMessage): MessageText | undefined {
  return TEXTS.get(message);
}

/** Puts every message of `files` in the catalogue's language (again, if it already was). */
export function localise(files: readonly VFile[], catalogue: Catalogue): void {
  for (const file of files) {
    for (const message of file.messages) {
      const text = TEXTS.get(message);
      if (!text) continue;
      message.reason = formatMessage(catalogue, text);
      message.message = message.reason;
    }
  }
}
