// invisible-text: a front-matter value made only of invisible characters (zero-width
// spaces, joiners, format marks). It passes as "present" but every edition would show nothing.
import { frontMatterData, frontMatterPlace } from '../draft.js';
import { reportError } from '../report.js';
import { OPTIONAL_KEYS, REQUIRED_KEYS } from '../types.js';
import type { Rule } from './rule.js';

const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

export const invisibleText: Rule = (draft) => {
  const data = frontMatterData(draft);
  if (!data) return;
  for (const key of [...REQUIRED_KEYS, ...OPTIONAL_KEYS]) {
    const value = data[key];
    if (typeof value !== 'string' || value.trim() === '' || value.replace(INVISIBLE, '') !== '') continue;
    reportError(draft.file, { id: 'invisible-text', params: { key } }, frontMatterPlace(draft, key), 'invisible-text');
  }
};
