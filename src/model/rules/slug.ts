// invalid-slug: the file name becomes part of every web address of the procedure.
import { reportError, START_OF_FILE } from '../report.js';
import type { Rule } from './rule.js';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Web addresses, file names and the QR code stay short. */
export const MAX_SLUG_LENGTH = 80;

export const slug: Rule = (draft) => {
  if (draft.slug.length > MAX_SLUG_LENGTH) {
    reportError(
      draft.file,
      { id: 'slug-too-long', params: { length: draft.slug.length, max: MAX_SLUG_LENGTH } },
      START_OF_FILE,
      'invalid-slug',
    );
    return;
  }
  if (SLUG_PATTERN.test(draft.slug)) return;
  const suggestion = draft.slug
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  reportError(
    draft.file,
    suggestion
      ? { id: 'invalid-slug-suggest', params: { file: `${draft.slug}.md`, suggestion: `${suggestion}.md` } }
      : { id: 'invalid-slug', params: { file: `${draft.slug}.md` } },
    START_OF_FILE,
    'invalid-slug',
  );
};
