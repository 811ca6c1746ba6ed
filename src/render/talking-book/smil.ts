// The media overlay (book.smil): one <par> per sentence, pairing its <span> with its clip of
// the audio file, in <seq>s nested as the sections and steps are, so a reading system can
// skip a section or a step.
import type { Book, Chapter, Clip } from './book.js';
import { CONTENT_FILE } from './content.js';
import { clock } from './xml.js';

export const SMIL_FILE = 'book.smil';
export const AUDIO_FILE = 'audio.mp3';

export function mediaOverlay(book: Book): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">',
    '<body>',
    ...seq(book.root),
    '</body>',
    '</smil>',
    '',
  ].join('\n');
}

/** How long the overlay plays: the sum of its clips. */
export function overlayDuration(book: Book): number {
  return book.clips.reduce((sum, clip) => sum + (clip.end - clip.begin), 0);
}

function seq(chapter: Chapter): string[] {
  const inner = [
    ...(chapter.heading ? [par(chapter.heading)] : []),
    ...chapter.paragraphs.flat().map(par),
    ...chapter.children.flatMap(seq),
  ];
  // A <seq> must hold something: a chapter without a sentence is left out of the overlay.
  if (inner.length === 0) return [];
  return [`<seq id="q-${chapter.id}" epub:textref="${CONTENT_FILE}#${chapter.id}">`, ...inner, '</seq>'];
}

function par(clip: Clip): string {
  return [
    `<par id="p-${clip.id}">`,
    `<text src="${CONTENT_FILE}#${clip.id}"/>`,
    `<audio src="${AUDIO_FILE}" clipBegin="${clock(clip.begin)}" clipEnd="${clock(clip.end)}"/>`,
    '</par>',
  ].join('');
}
