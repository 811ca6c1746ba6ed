// translation-fact-mismatch: a translation must never tell citizens another fee, time
// or product than the original. Only the numbers are compared (the words are translated).
import { frontMatterData, frontMatterPlace } from '../draft.js';
import { reportError } from '../report.js';
import type { Rule } from './rule.js';

const FACTS = ['cost', 'duration', 'product'] as const;

/** `Rp 1.500.000,-` → ['1500000']; `2,5 jam` → ['2.5']; `14 hari` → ['14']. */
export function numbersIn(text: string): string[] {
  return (text.match(/\d+(?:[.,]\d+)*/g) ?? []).map((number) => {
    const decimal = /,(\d{1,2})$/.exec(number);
    const whole = (decimal ? number.slice(0, decimal.index) : number).replace(/[.,]/g, '');
    return decimal ? `${whole}.${decimal[1]}` : whole;
  });
}

export const translationFacts: Rule = (draft, { sources }) => {
  const source = sources.get(draft.slug);
  const data = frontMatterData(draft);
  if (!source || !data || draft.lang === source.procedure.lang) return;
  for (const key of FACTS) {
    const translated = data[key];
    if (typeof translated !== 'string' && typeof translated !== 'number') continue;
    const original = source.procedure.meta[key];
    if (numbersIn(String(translated)).join(' ') === numbersIn(original).join(' ')) continue;
    const at = source.procedure.metaPositions[key]?.start;
    const where = at ? `${source.path}:${at.line}:${at.column}` : source.path;
    reportError(
      draft.file,
      {
        id: 'translation-fact-mismatch',
        params: { fact: { id: `key-${key}` }, key, translated: String(translated), original, where },
      },
      frontMatterPlace(draft, key),
      'translation-fact-mismatch',
    );
  }
};
