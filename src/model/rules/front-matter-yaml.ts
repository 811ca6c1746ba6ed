// missing-front-matter, invalid-yaml, front-matter-not-map
import { frontMatterData } from '../draft.js';
import { reportError, START_OF_FILE } from '../report.js';
import type { Rule } from './rule.js';

export const frontMatterYaml: Rule = (draft) => {
  const fm = draft.frontMatter;
  if (!fm) {
    reportError(
      draft.file,
      'The file has no front matter. Start it with a block between two `---` lines holding title, summary, duration, cost, product and updated.',
      START_OF_FILE,
      'missing-front-matter',
    );
    return;
  }
  if ('error' in fm) {
    reportError(
      draft.file,
      `The front matter is not valid YAML: ${fm.error.message}. Check the line for a missing colon, a stray quote, or a value containing ": " that needs quotes.`,
      fm.error.place,
      'invalid-yaml',
    );
    return;
  }
  if (!frontMatterData(draft)) {
    reportError(
      draft.file,
      'The front matter must be a list of `key: value` lines (for example `title: Cuti Tahunan`).',
      fm.node.position?.start,
      'front-matter-not-map',
    );
  }
};
