// The EPUB 3 talking book: the procedure's text with every sentence synchronised to the
// audio edition (media overlays), a table of contents of its sections and steps, and
// accessibility metadata. Pure: the same input gives the same bytes.
import { layOutBook } from './book.js';
import { CONTENT_FILE, contentDocument, STYLE, STYLE_FILE } from './content.js';
import { NAV_FILE, navigationDocument } from './nav.js';
import { PACKAGE_FILE, packageDocument } from './package-document.js';
import { AUDIO_FILE, mediaOverlay, overlayDuration, SMIL_FILE } from './smil.js';
import type { TalkingBookInput } from './types.js';
import { epubZip } from './zip.js';

export { bookIdentifier } from './identifier.js';
export type { BookSegment, BookSentence, TalkingBookInput } from './types.js';

/** Bump when the book's bytes would change for the same input (part of the audio cache key). */
export const TALKING_BOOK_FORMAT_VERSION = 2;

/** The folder of the publication inside the container. */
const ROOT = 'EPUB';

export function makeTalkingBook(input: TalkingBookInput): Uint8Array {
  const book = layOutBook(input);
  const text = (value: string) => new TextEncoder().encode(value);
  const container = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0">',
    '<rootfiles>',
    `<rootfile full-path="${ROOT}/${PACKAGE_FILE}" media-type="application/oebps-package+xml"/>`,
    '</rootfiles>',
    '</container>',
    '',
  ].join('\n');
  return epubZip(
    [
      { path: 'META-INF/container.xml', data: text(container) },
      { path: `${ROOT}/${PACKAGE_FILE}`, data: text(packageDocument(input, overlayDuration(book))) },
      { path: `${ROOT}/${NAV_FILE}`, data: text(navigationDocument(book, input)) },
      { path: `${ROOT}/${CONTENT_FILE}`, data: text(contentDocument(book, input)) },
      { path: `${ROOT}/${SMIL_FILE}`, data: text(mediaOverlay(book)) },
      { path: `${ROOT}/${STYLE_FILE}`, data: text(STYLE) },
      { path: `${ROOT}/${AUDIO_FILE}`, data: input.audio, store: true },
    ],
    input.modified,
  );
}
