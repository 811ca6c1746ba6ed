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
      `"## ${section.heading}" appears a second time (first on line ${firstLine}). Put everything for this section under one heading.`,
      section.headingNode.position?.start,
      'duplicate-section',
    );
  }
};
