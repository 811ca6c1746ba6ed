// duplicate-section: two headings for the same contract section would split its list.
import { reportError } from '../report.js';
import type { Rule } from './rule.js';

export const duplicateSections: Rule = (draft) => {
  const seen = new Map<string, number>();
  for (const section of draft.sections) {
    if (section.kind === 'free') continue;
    const firstLine = seen.get(section.kind);
    if (firstLine === undefined) {
      seen.set(section.kind, section.headingNode.position?.start.line ?? 0);
      continue;
    }
    reportError(
      draft.file,
      { id: 'duplicate-section', params: { heading: section.heading, line: firstLine } },
      section.headingNode.position?.start,
      'duplicate-section',
    );
  }
};
