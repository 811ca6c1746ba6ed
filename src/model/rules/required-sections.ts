// missing-requirements, missing-steps
import { reportError } from '../report.js';
import type { Rule } from './rule.js';

const REQUIRED = ['requirements', 'steps'] as const;

export const requiredSections: Rule = (draft, { headings }) => {
  const place = draft.root.position?.end;
  for (const kind of REQUIRED) {
    if (draft.sections.some((section) => section.kind === kind)) continue;
    const name = headings[kind][0] ?? kind;
    reportError(draft.file, { id: `missing-${kind}`, params: { heading: name } }, place, `missing-${kind}`);
  }
};
