// A draft only when the document is within LIMITS: size before decoding, indentation
// before parsing, nesting and counts before any rule walks the tree. Past a limit the
// document gets one positioned error and no other rule runs, so no walk can overflow.
import type { VFile } from 'vfile';
import { createDraft, type Draft } from './draft.js';
import { reportError, START_OF_FILE } from './report.js';
import { checkIndentation, checkNesting } from './rules/too-deep.js';
import { checkCounts } from './rules/too-large.js';
import type { HeadingMap } from './sections.js';

/** Call checkBytes (rules/too-large) on the file's bytes first; this takes the decoded text. */
export function boundedDraft(file: VFile, source: string, text: string, headings: HeadingMap): Draft | undefined {
  if (!checkIndentation(file, text)) return undefined;
  let draft: Draft;
  try {
    draft = createDraft(file, source, text, headings);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // The parser's own recursion ran out of stack: nesting beyond anything checkNesting allows.
    reportError(file, { id: 'too-deep-text' }, START_OF_FILE, 'too-deep');
    return undefined;
  }
  return checkNesting(file, draft.root) && checkCounts(file, draft.root) ? draft : undefined;
}
