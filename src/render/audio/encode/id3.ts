// ID3v2.3 title, artist, language and a comment that names the voice (npm `browser-id3-writer`).
import { ID3Writer } from 'browser-id3-writer';

export interface AudioTags {
  title: string;
  artist: string;
  /** ISO 639-2, e.g. `ind`, `jav`. */
  language: string;
  comment: string;
}

export function tagMp3(mp3: Uint8Array, tags: AudioTags): Uint8Array {
  const copy = mp3.slice();
  const writer = new ID3Writer(copy.buffer);
  writer
    .setFrame('TIT2', tags.title)
    .setFrame('TPE1', [tags.artist])
    .setFrame('TLAN', tags.language)
    .setFrame('COMM', { description: '', text: tags.comment, language: tags.language });
  return new Uint8Array(writer.addTag());
}
