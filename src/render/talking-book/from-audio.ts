// The talking book of the audio edition: its metadata from the outline, the site and the
// words, its sentences from the script and the MP3's times.
import type { Outline } from '../../outline/types.js';
import type { ScriptSegment } from '../audio/script.js';
import type { RenderContext } from '../types.js';
import { outlinePhrases } from './phrases.js';
import { type BookSegment, bookIdentifier, makeTalkingBook } from './talking-book.js';

export { TALKING_BOOK_FORMAT_VERSION } from './talking-book.js';

export const TALKING_BOOK_FILE = 'talking-book.epub';

/**
 * Today's audio times are per segment: each segment is one sentence of the book. When the
 * audio times each sentence (per segment `{ chapter?, sentences: { text, start, end }[] }`),
 * this is the one place to change: keep `item` from the script segment of the same index.
 */
export function bookSegments(
  segments: readonly ScriptSegment[],
  times: readonly { start: number; end: number }[],
): BookSegment[] {
  return segments.map((segment, index) => ({
    ...(segment.chapter ? { chapter: segment.chapter } : {}),
    ...(segment.pause === 'item' ? { item: true } : {}),
    sentences: [{ text: segment.written, ...(times[index] ?? { start: 0, end: 0 }) }],
  }));
}

export function talkingBookFor(
  outline: Outline,
  context: Pick<RenderContext, 'site' | 'words'>,
  audio: { mp3: Uint8Array; durationMs: number; segments: readonly BookSegment[]; voice: string },
): Uint8Array {
  const words = context.words.get(outline.lang);
  if (!words) throw new Error(`No words for "${outline.lang}".`);
  return makeTalkingBook({
    lang: outline.lang,
    title: outline.title.text,
    identifier: bookIdentifier(context.site.url, outline.lang, outline.slug),
    publisher: outline.office.name,
    modified: outline.updated.iso,
    audio: audio.mp3,
    durationMs: audio.durationMs,
    segments: audio.segments,
    phrases: outlinePhrases(outline),
    words: {
      summary: `${words.terms.talking_book_summary} ${audio.voice}`.trim(),
      contents: words.terms.talking_book_contents,
    },
  });
}
