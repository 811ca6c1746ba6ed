// The book's structure, shared by the content document, the navigation and the overlay:
// chapters nested as the page nests them (the title, its sections, the steps of a section),
// each with an id, and every sentence a clip with an id and its place in the audio.
import type { BookSegment, TalkingBookInput } from './types.js';

export interface Clip {
  /** `s1`, `s2`, … in reading order. */
  id: string;
  text: string;
  /** Milliseconds into the audio. */
  begin: number;
  end: number;
}

export interface Chapter {
  /** `c0` is the book's title; `c1`, `c2`, … in reading order. */
  id: string;
  title: string;
  /** 1: the book's title, 2: a section, 3: a step. */
  level: 1 | 2 | 3;
  /** The sentence that says the title (a sentence that is just the title), shown as the heading. */
  heading?: Clip;
  /** Paragraphs (one per segment) of clips. */
  paragraphs: Clip[][];
  children: Chapter[];
}

export interface Book {
  root: Chapter;
  /** Every clip in reading order (the heading first in its chapter). */
  clips: Clip[];
}

export function layOutBook(input: Pick<TalkingBookInput, 'title' | 'segments' | 'durationMs'>): Book {
  const root: Chapter = { id: 'c0', title: input.title, level: 1, paragraphs: [], children: [] };
  let section: Chapter | undefined;
  let current = root;
  let chapters = 0;
  let sentences = 0;
  const open = (segment: BookSegment, index: number): Chapter => {
    const title = segment.chapter;
    // The first segment's chapter is the book's title: it goes under the book's heading.
    if (!title || (index === 0 && !segment.item)) return index === 0 ? root : current;
    chapters += 1;
    const parent = segment.item && section ? section : root;
    const chapter: Chapter = {
      id: `c${chapters}`,
      title,
      level: parent === root ? 2 : 3,
      paragraphs: [],
      children: [],
    };
    parent.children.push(chapter);
    if (parent === root) section = chapter;
    return chapter;
  };
  input.segments.forEach((segment, index) => {
    current = open(segment, index);
    const paragraph: Clip[] = [];
    for (const sentence of segment.sentences) {
      const text = sentence.text.replace(/\s+/g, ' ').trim();
      if (text === '') continue;
      sentences += 1;
      const clip = { id: `s${sentences}`, text, begin: sentence.start, end: sentence.end };
      const isHeading =
        paragraph.length === 0 && current.paragraphs.length === 0 && !current.heading && sameText(text, current.title);
      if (isHeading) current.heading = clip;
      else paragraph.push(clip);
    }
    if (paragraph.length > 0) current.paragraphs.push(paragraph);
  });
  // A clip runs to where the next begins, so the pauses between sentences and sections are
  // heard as in the audio file; the last runs to the end of the file.
  const clips = readingOrder(root);
  clips.forEach((clip, index) => {
    const next = clips[index + 1];
    clip.end = next ? Math.max(clip.begin, next.begin) : Math.max(clip.begin, clip.end, input.durationMs);
  });
  return { root, clips };
}

/** The clips of a chapter and its children, in the order the content document shows them. */
export function readingOrder(chapter: Chapter): Clip[] {
  return [
    ...(chapter.heading ? [chapter.heading] : []),
    ...chapter.paragraphs.flat(),
    ...chapter.children.flatMap((child) => readingOrder(child)),
  ];
}

function sameText(sentence: string, title: string): boolean {
  const bare = (text: string) =>
    text
      .replace(/[.:!?]+$/u, '')
      .trim()
      .toLowerCase();
  return bare(sentence) === bare(title);
}
