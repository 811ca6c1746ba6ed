// Positioned messages in unified's vfile style: `fatal: true` is an error (the
// document is not built), `fatal: false` a warning. The text is a message id with
// values (templates/i18n/messages/), put into words by `localise` before it is shown.
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { attachText, type MessageText } from '../i18n/messages.js';
import type { RuleId } from './rule-ids.js';

export type Place = Point | Position | undefined;

export function reportError(file: VFile, text: MessageText, place: Place, ruleId: RuleId): void {
  const message = file.message(text.id, { place, ruleId, source: 'pelita' });
  attachText(message, text);
  message.fatal = true;
}

export function reportWarning(file: VFile, text: MessageText, place: Place, ruleId: RuleId): void {
  attachText(file.message(text.id, { place, ruleId, source: 'pelita' }), text);
}

/** A warning whose text is already in words (renderers that have no message id yet). */
export function reportWarningText(file: VFile, reason: string, place: Place, ruleId: string): void {
  file.message(reason, { place, ruleId, source: 'pelita' });
}

export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true);
}

export const START_OF_FILE: Point = { line: 1, column: 1 };
