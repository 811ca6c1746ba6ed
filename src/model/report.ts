// Positioned messages in unified's vfile style: `fatal: true` is an error (the
// document is not built), `fatal: false` a warning.
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';

export type Place = Point | Position | undefined;

export function reportError(file: VFile, reason: string, place: Place, ruleId: string): void {
  const message = file.message(reason, { place, ruleId, source: 'pelita' });
  message.fatal = true;
}

export function reportWarning(file: VFile, reason: string, place: Place, ruleId: string): void {
  file.message(reason, { place, ruleId, source: 'pelita' });
}

export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true);
}

export const START_OF_FILE: Point = { line: 1, column: 1 };
