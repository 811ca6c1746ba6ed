// The package document (package.opf): metadata with the accessibility properties
// (schema.org, as the EPUB Accessibility spec asks), the overlay's and the book's durations,
// the manifest and the spine.

import { escapeXml } from '../escape-xml.js';
import { ACTIVE_CLASS, CONTENT_FILE, STYLE_FILE } from './content.js';
import { NAV_FILE } from './nav.js';
import { AUDIO_FILE, SMIL_FILE } from './smil.js';
import type { TalkingBookInput } from './types.js';
import { clock } from './xml.js';

export const PACKAGE_FILE = 'package.opf';

export function packageDocument(
  input: Pick<TalkingBookInput, 'lang' | 'title' | 'identifier' | 'publisher' | 'modified' | 'words'>,
  overlayMs: number,
): string {
  const meta = (property: string, value: string, refines?: string) =>
    `<meta property="${property}"${refines ? ` refines="#${refines}"` : ''}>${escapeXml(value)}</meta>`;
  const lang = escapeXml(input.lang);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${lang}">`,
    '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `<dc:identifier id="uid">${escapeXml(input.identifier)}</dc:identifier>`,
    `<dc:title>${escapeXml(input.title)}</dc:title>`,
    `<dc:language>${lang}</dc:language>`,
    `<dc:publisher>${escapeXml(input.publisher)}</dc:publisher>`,
    `<dc:date>${escapeXml(input.modified)}</dc:date>`,
    meta('dcterms:modified', modifiedStamp(input.modified)),
    meta('schema:accessMode', 'auditory'),
    meta('schema:accessMode', 'textual'),
    meta('schema:accessModeSufficient', 'auditory'),
    meta('schema:accessModeSufficient', 'textual'),
    meta('schema:accessibilityFeature', 'synchronizedAudioText'),
    meta('schema:accessibilityFeature', 'structuralNavigation'),
    meta('schema:accessibilityFeature', 'tableOfContents'),
    meta('schema:accessibilityHazard', 'none'),
    meta('schema:accessibilitySummary', input.words.summary),
    meta('media:duration', clock(overlayMs), 'overlay'),
    meta('media:duration', clock(overlayMs)),
    meta('media:active-class', ACTIVE_CLASS),
    '</metadata>',
    '<manifest>',
    `<item id="nav" href="${NAV_FILE}" media-type="application/xhtml+xml" properties="nav"/>`,
    `<item id="book" href="${CONTENT_FILE}" media-type="application/xhtml+xml" media-overlay="overlay"/>`,
    `<item id="overlay" href="${SMIL_FILE}" media-type="application/smil+xml"/>`,
    `<item id="audio" href="${AUDIO_FILE}" media-type="audio/mpeg"/>`,
    `<item id="style" href="${STYLE_FILE}" media-type="text/css"/>`,
    '</manifest>',
    '<spine>',
    '<itemref idref="book"/>',
    '</spine>',
    '</package>',
    '',
  ].join('\n');
}

/** `dcterms:modified` wants a UTC date and time: the review date at midnight. */
export function modifiedStamp(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`The review date "${date}" is not YYYY-MM-DD.`);
  return `${date}T00:00:00Z`;
}
