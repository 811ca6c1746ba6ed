// The content document (book.xhtml): the book's title, its sections and steps as nested
// <section>s with headings, every sentence a <span id="s…"> the overlay highlights, and
// phrases in another language marked with their language.

import { escapeXml } from '../escape-xml.js';
import type { Book, Chapter, Clip } from './book.js';
import type { TalkingBookInput } from './types.js';
import { langAttributes } from './xml.js';

export const CONTENT_FILE = 'book.xhtml';
export const STYLE_FILE = 'style.css';
/** The class a reading system gives the sentence being read (`media:active-class`). */
export const ACTIVE_CLASS = '-epub-media-overlay-active';

type Phrases = NonNullable<TalkingBookInput['phrases']>;

export function contentDocument(book: Book, input: Pick<TalkingBookInput, 'lang' | 'title' | 'phrases'>): string {
  const phrases = (input.phrases ?? []).filter((phrase) => phrase.lang !== input.lang && phrase.text.trim() !== '');
  return [
    xhtmlHead(input.lang, input.title),
    '<body epub:type="bodymatter">',
    chapterXhtml(book.root, phrases),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The XML declaration, doctype, <html> and <head> shared by the content and navigation documents. */
export function xhtmlHead(lang: string, title: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE html>',
    `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" ${langAttributes(lang)}>`,
    '<head>',
    '<meta charset="utf-8"/>',
    `<title>${escapeXml(title)}</title>`,
    `<link rel="stylesheet" type="text/css" href="${STYLE_FILE}"/>`,
    '</head>',
  ].join('\n');
}

function chapterXhtml(chapter: Chapter, phrases: Phrases): string {
  const tag = `h${chapter.level}`;
  // The heading sentence keeps its id (the overlay highlights it) but shows the title as
  // printed, without the full stop the voice needs.
  const heading = chapter.heading
    ? sentence({ ...chapter.heading, text: chapter.title }, phrases)
    : marked(chapter.title, phrases);
  return [
    `<section id="${chapter.id}">`,
    `<${tag}>${heading}</${tag}>`,
    ...chapter.paragraphs.map((paragraph) => `<p>${paragraph.map((clip) => sentence(clip, phrases)).join(' ')}</p>`),
    ...chapter.children.map((child) => chapterXhtml(child, phrases)),
    '</section>',
  ].join('\n');
}

function sentence(clip: Clip, phrases: Phrases): string {
  return `<span id="${clip.id}">${marked(clip.text, phrases)}</span>`;
}

/** The text escaped, each phrase in another language in a <span> with its language. */
function marked(text: string, phrases: Phrases): string {
  let out = '';
  let rest = text;
  for (;;) {
    let found: { at: number; lang: string; text: string } | undefined;
    for (const phrase of phrases) {
      const at = rest.indexOf(phrase.text);
      if (at >= 0 && (!found || at < found.at || (at === found.at && phrase.text.length > found.text.length)))
        found = { at, ...phrase };
    }
    if (!found) return out + escapeXml(rest);
    out += `${escapeXml(rest.slice(0, found.at))}<span ${langAttributes(found.lang)}>${escapeXml(found.text)}</span>`;
    rest = rest.slice(found.at + found.text.length);
  }
}

/** Large, readable text; the sentence being read stands out. */
export const STYLE = `body {
  font-family: sans-serif;
  font-size: 1.4em;
  line-height: 1.6;
  margin: 1em;
}
h1, h2, h3 {
  line-height: 1.3;
}
p {
  margin: 0 0 1em;
}
.${ACTIVE_CLASS} {
  background-color: #ffeb3b;
  color: #000000;
}
`;
