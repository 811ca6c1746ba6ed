// missing-complaints (warning): citizens must always be told where to complain.
import { reportWarning } from '../report.js';
import type { Rule } from './rule.js';

export const complaints: Rule = (draft, { site, headings, sitePath }) => {
  if (site.complaints.length > 0) return;
  if (draft.sections.some((section) => section.kind === 'complaints')) return;
  const name = headings.complaints[0] ?? 'Pengaduan';
  reportWarning(
    draft.file,
    { id: 'missing-complaints', params: { heading: name, site: sitePath ?? 'site.yaml' } },
    draft.root.position?.end,
    'missing-complaints',
  );
};
