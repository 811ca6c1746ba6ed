// wrong-type: every front-matter value of the contract is plain text. A number is
// accepted only when it prints as typed: `1e400` would print "Infinity".
import { frontMatterData, frontMatterPlace } from '../draft.js';
import { reportError } from '../report.js';
import { OPTIONAL_KEYS, REQUIRED_KEYS } from '../types.js';
import type { Rule } from './rule.js';

const TEXT_KEYS = [...REQUIRED_KEYS, ...OPTIONAL_KEYS];

export const keyTypes: Rule = (draft) => {
  const data = frontMatterData(draft);
  if (!data) return;
  for (const key of TEXT_KEYS) {
    const value = data[key];
    if (value === undefined || value === null || typeof value === 'string' || isPrintable(value)) continue;
    const kind =
      typeof value === 'number'
        ? { id: 'kind-huge-number' }
        : Array.isArray(value)
          ? { id: 'kind-list' }
          : typeof value === 'object'
            ? { id: 'kind-map' }
            : { id: 'kind-value', params: { value: String(value) } };
    reportError(draft.file, { id: 'wrong-type', params: { key, kind } }, frontMatterPlace(draft, key), 'wrong-type');
  }
};

function isPrintable(value: unknown): boolean {
  return (
    typeof value === 'number' && Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value))
  );
}
