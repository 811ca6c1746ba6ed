// missing-requirements, missing-steps
import { reportError } from '../report.js';
import type { Rule } from './rule.js';

const REQUIRED = [
  {
    kind: 'requirements',
    what: 'what applicants must bring or meet',
    list: 'a bulleted list (lines starting with "- ")',
  },
  {
    kind: 'steps',
    what: 'the steps of the service, in order',
    list: 'a numbered list (lines starting with "1.", "2." …)',
  },
] as const;

export const requiredSections: Rule = (draft, { headings }) => {
  const place = draft.root.position?.end;
  for (const { kind, what, list } of REQUIRED) {
    if (draft.sections.some((section) => section.kind === kind)) continue;
    const name = headings[kind][0] ?? kind;
    reportError(
      draft.file,
      `The procedure has no "## ${name}" section (${what}; UU 25/2009 art. 21). Add the heading "## ${name}" followed by ${list}.`,
      place,
      `missing-${kind}`,
    );
  }
};
