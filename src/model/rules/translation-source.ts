// orphan-translation: a translation must translate an existing source-language procedure.
import { reportError, START_OF_FILE } from '../report.js';
import { sourceLanguage } from '../site.js';
import type { Rule } from './rule.js';

export const translationSource: Rule = (draft, { site, sourceSlugs }) => {
  const source = sourceLanguage(site);
  if (draft.lang === source || !site.languages.includes(draft.lang)) return;
  if (sourceSlugs.has(draft.slug)) return;
  reportError(
    draft.file,
    `This translation has no original: there is no "${source}/${draft.slug}.md". A translation must have the same file name as the procedure it translates; rename it, or add the original first.`,
    START_OF_FILE,
    'orphan-translation',
  );
};
