// The talking book of the audio edition: its metadata from the outline, the site and the
// words, its sentences from the script and the MP3's times.
import type { Outline } from '../../outline/types.js';
import type { Mp3Result } from '../audio/mp3-types.js';
import type { ScriptSegment } from '../audio/script.js';
import { timedSentences } from '../audio/timed-text.js';
import type { RenderContext } from '../types.js';
import { outlinePhrases } from './phrases.js';
import { type BookSegment, bookIdentifier, makeTalkingBook } from './talking-book.js';

export { TALKING_BOOK_FORMAT_VERSION } from './talking-book.js';

export const TALKING_BOOK_FILE = 'talking-book.epub';

/** The book's segments: the audio's sentences with their times, a step's chapter marked as an item. */
export function bookSegments(segments: readonly ScriptSegment[], result: Pick<Mp3Result, 'sentences'>): BookSegment[] {
  return timedSentences(segments, result).map((timed, index) => ({
    ...timed,
    ...(segments[index]?.pause === 'item' ? { item: true } : {}),
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
