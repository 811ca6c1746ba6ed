// missing-complaints (warning): citizens must always be told where to complain.
import { reportWarning } from '../report.js';
import type { Rule } from './rule.js';

export const complaints: Rule = (draft, { site, headings }) => {
  if (site.complaints.length > 0) return;
  if (draft.sections.some((section) => section.kind === 'complaints')) return;
  const name = headings.complaints[0] ?? 'Pengaduan';
  reportWarning(
    draft.file,
    `The procedure has no "## ${name}" section and content/site.yaml has no default "complaints", so readers are not told where to complain. Add a "## ${name}" section, or list the office's channels under "complaints" in site.yaml.`,
    draft.root.position?.end,
    'missing-complaints',
  );
};
