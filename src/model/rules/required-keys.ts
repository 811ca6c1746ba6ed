// missing-title, missing-summary, missing-duration, missing-cost, missing-product, missing-updated
import { frontMatterData, frontMatterPlace } from '../draft.js';
import { reportError } from '../report.js';
import { REQUIRED_KEYS } from '../types.js';
import type { Rule } from './rule.js';

export const requiredKeys: Rule = (draft) => {
  const data = frontMatterData(draft);
  if (!data) return;
  for (const key of REQUIRED_KEYS) {
    const value = data[key];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      // The meaning of each key (`key-title` …) is in the words of UU 25/2009 art. 21.
      reportError(
        draft.file,
        { id: value === undefined ? 'missing-key' : 'empty-key', params: { key, meaning: { id: `key-${key}` } } },
        frontMatterPlace(draft, key),
        `missing-${key}`,
      );
    }
  }
};
