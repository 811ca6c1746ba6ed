// ID3v2.3 title, artist, language, a comment that names the voice, and chapters (CHAP, with a
// CTOC listing them in order) that players such as VLC and podcast apps offer for jumping
// (npm `browser-id3-writer`).
import { ID3Writer } from 'browser-id3-writer';

export interface AudioTags {
  title: string;
  artist: string;
  /** ISO 639-2, e.g. `ind`, `jav`. */
  language: string;
  comment: string;
}

export interface AudioChapter {
  title: string;
  /** Milliseconds. */
  start: number;
  end: number;
}

export function tagMp3(mp3: Uint8Array, tags: AudioTags, chapters: readonly AudioChapter[] = []): Uint8Array {
  const copy = mp3.slice();
  const writer = new ID3Writer(copy.buffer);
  writer
    .setFrame('TIT2', tags.title)
    .setFrame('TPE1', [tags.artist])
    .setFrame('TLAN', tags.language)
    .setFrame('COMM', { description: '', text: tags.comment, language: tags.language });
  const ids = chapters.map((_, index) => `ch${index}`);
  chapters.forEach((chapter, index) => {
    writer.setFrame('CHAP', {
      id: `ch${index}`,
      startTime: chapter.start,
      endTime: chapter.end,
      subFrames: { TIT2: chapter.title },
    });
  });
  if (chapters.length > 0)
    writer.setFrame('CTOC', { id: 'toc', ordered: true, topLevel: true, childElementIds: ids.slice(0, 255) });
  return new Uint8Array(writer.addTag());
}
