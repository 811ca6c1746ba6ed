// missing-title, missing-summary, missing-duration, missing-cost, missing-product, missing-updated
import { frontMatterData, frontMatterPlace } from '../draft.js';
import { reportError } from '../report.js';
import { REQUIRED_KEYS } from '../types.js';
import type { Rule } from './rule.js';

/** What each key means, in the words of UU 25/2009 art. 21. */
const MEANING: Record<(typeof REQUIRED_KEYS)[number], string> = {
  title: 'nama layanan, the name of the service',
  summary: 'one or two plain sentences: who the service is for and what it gives',
  duration: 'jangka waktu penyelesaian, UU 25/2009 art. 21',
  cost: 'biaya/tarif, UU 25/2009 art. 21',
  product: 'produk pelayanan, UU 25/2009 art. 21',
  updated: 'the date of the last review, as YYYY-MM-DD',
};

export const requiredKeys: Rule = (draft) => {
  const data = frontMatterData(draft);
  if (!data) return;
  for (const key of REQUIRED_KEYS) {
    const value = data[key];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      const state = value === undefined ? 'Missing' : 'Empty';
      reportError(
        draft.file,
        `${state} required front-matter key "${key}" (${MEANING[key]}). Add a line \`${key}: …\` to the front matter.`,
        frontMatterPlace(draft, key),
        `missing-${key}`,
      );
    }
  }
};
