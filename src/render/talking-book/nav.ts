// The navigation document (nav.xhtml): a table of contents of the title, every section and,
// nested under its section, every step; and a landmark for the start of the text.

import { escapeXml } from '../escape-xml.js';
import type { Book, Chapter } from './book.js';
import { CONTENT_FILE, xhtmlHead } from './content.js';
import type { TalkingBookInput } from './types.js';

export const NAV_FILE = 'nav.xhtml';

export function navigationDocument(book: Book, input: Pick<TalkingBookInput, 'lang' | 'title' | 'words'>): string {
  const contents = escapeXml(input.words.contents);
  const entries = [entry(book.root, false), ...book.root.children.map((chapter) => entry(chapter, true))];
  return [
    xhtmlHead(input.lang, input.words.contents),
    '<body>',
    '<nav epub:type="toc" id="toc">',
    `<h1>${contents}</h1>`,
    '<ol>',
    ...entries,
    '</ol>',
    '</nav>',
    '<nav epub:type="landmarks" id="landmarks" hidden="hidden">',
    '<ol>',
    `<li><a epub:type="bodymatter" href="${CONTENT_FILE}#${book.root.id}">${escapeXml(input.title)}</a></li>`,
    '</ol>',
    '</nav>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function entry(chapter: Chapter, withChildren: boolean): string {
  const link = `<a href="${CONTENT_FILE}#${chapter.id}">${escapeXml(chapter.title)}</a>`;
  if (!withChildren || chapter.children.length === 0) return `<li>${link}</li>`;
  return [`<li>${link}`, '<ol>', ...chapter.children.map((child) => entry(child, true)), '</ol>', '</li>'].join('\n');
}
