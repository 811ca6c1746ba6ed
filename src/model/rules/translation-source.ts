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
    { id: 'orphan-translation', params: { original: `${source}/${draft.slug}.md` } },
    START_OF_FILE,
    'orphan-translation',
  );
};
