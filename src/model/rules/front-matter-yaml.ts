// missing-front-matter, invalid-yaml, front-matter-not-map
import { frontMatterData } from '../draft.js';
import { reportError, START_OF_FILE } from '../report.js';
import type { Rule } from './rule.js';

export const frontMatterYaml: Rule = (draft) => {
  const fm = draft.frontMatter;
  if (!fm) {
    reportError(draft.file, { id: 'missing-front-matter' }, START_OF_FILE, 'missing-front-matter');
    return;
  }
  if ('error' in fm) {
    reportError(
      draft.file,
      { id: 'invalid-yaml', params: { error: fm.error.message } },
      fm.error.place,
      'invalid-yaml',
    );
    return;
  }
  if (!frontMatterData(draft)) {
    reportError(draft.file, { id: 'front-matter-not-map' }, fm.node.position?.start, 'front-matter-not-map');
  }
};
