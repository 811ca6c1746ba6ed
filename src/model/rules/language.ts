// unknown-language: a language folder that site.yaml does not list.
import { reportError, START_OF_FILE } from '../report.js';
import type { Rule } from './rule.js';

export const language: Rule = (draft, { site }) => {
  if (site.languages.includes(draft.lang)) return;
  reportError(
    draft.file,
    `The folder "${draft.lang}" is not one of the site's languages (${site.languages.join(', ')}). Add "${draft.lang}" to "languages" in content/site.yaml, or move the file to the right language folder.`,
    START_OF_FILE,
    'unknown-language',
  );
};
