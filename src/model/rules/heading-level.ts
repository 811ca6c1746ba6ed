// heading-level (warning): the title comes from front matter, so `#` headings are a mistake.
import { reportWarning } from '../report.js';
import type { Rule } from './rule.js';

export const headingLevel: Rule = (draft) => {
  for (const section of draft.sections) {
    if (section.headingNode.depth !== 1) continue;
    reportWarning(
      draft.file,
      { id: 'heading-level', params: { heading: section.heading } },
      section.headingNode.position?.start,
      'heading-level',
    );
  }
};
