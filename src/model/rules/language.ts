// unknown-language: a language folder that site.yaml does not list.
import { reportError, START_OF_FILE } from '../report.js';
import type { Rule } from './rule.js';

export const language: Rule = (draft, { site, sitePath }) => {
  if (site.languages.includes(draft.lang)) return;
  reportError(
    draft.file,
    {
      id: 'unknown-language',
      params: { lang: draft.lang, languages: site.languages.join(', '), site: sitePath ?? 'site.yaml' },
    },
    START_OF_FILE,
    'unknown-language',
  );
};
