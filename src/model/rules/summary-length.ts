// long-summary (warning): a summary is read aloud, shown in lists and on the leaflet.
import { frontMatterData, frontMatterPlace } from '../draft.js';
import { reportWarning } from '../report.js';
import type { Rule } from './rule.js';

export const MAX_SUMMARY_WORDS = 40;

export const summaryLength: Rule = (draft) => {
  const summary = frontMatterData(draft)?.summary;
  if (typeof summary !== 'string') return;
  const words = summary.trim().split(/\s+/).filter(Boolean).length;
  if (words <= MAX_SUMMARY_WORDS) return;
  reportWarning(
    draft.file,
    { id: 'long-summary', params: { words, max: MAX_SUMMARY_WORDS } },
    frontMatterPlace(draft, 'summary'),
    'long-summary',
  );
};
