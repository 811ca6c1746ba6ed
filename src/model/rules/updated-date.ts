// invalid-date: `updated` must be a real calendar date written YYYY-MM-DD.
import { frontMatterData, frontMatterPlace } from '../draft.js';
import { reportError } from '../report.js';
import type { Rule } from './rule.js';

export function isRealIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const updatedDate: Rule = (draft) => {
  const value = frontMatterData(draft)?.updated;
  if (value === undefined || value === null || value === '') return;
  const text = String(value).trim();
  if (isRealIsoDate(text)) return;
  const reason = { id: /^\d{4}-\d{2}-\d{2}$/.test(text) ? 'impossible-date' : 'invalid-date', params: { text } };
  reportError(draft.file, reason, frontMatterPlace(draft, 'updated'), 'invalid-date');
};
