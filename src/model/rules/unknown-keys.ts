// unknown-key (warning): usually a typo, which would otherwise silently drop a value.
import { frontMatterData, frontMatterPlace } from '../draft.js';
import { reportWarning } from '../report.js';
import { OPTIONAL_KEYS, REQUIRED_KEYS } from '../types.js';
import type { Rule } from './rule.js';

const KNOWN = new Set<string>([...REQUIRED_KEYS, ...OPTIONAL_KEYS]);

export const unknownKeys: Rule = (draft) => {
  const data = frontMatterData(draft);
  if (!data) return;
  for (const key of Object.keys(data).sort()) {
    if (KNOWN.has(key)) continue;
    reportWarning(
      draft.file,
      { id: 'unknown-key', params: { key, known: [...KNOWN].join(', ') } },
      frontMatterPlace(draft, key),
      'unknown-key',
    );
  }
};
