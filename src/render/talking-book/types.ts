// What a talking book is made from: the spoken text in segments (the opening, each section,
// each step), each cut into sentences with the times the listener hears them in the book's
// audio file, and the book's metadata. Nothing here knows how the audio was made.

/** A sentence in normal spelling, with where its voice starts and ends in the audio, in milliseconds as heard. */
export interface BookSentence {
  text: string;
  start: number;
  end: number;
}

/** A part of the script: it opens a chapter (a section, or a step inside the section before it) or goes on the current one. */
export interface BookSegment {
  chapter?: string;
  /** The chapter is an item (a step) of the section before it: the navigation nests it, its heading is a level down. */
  item?: boolean;
  sentences: BookSentence[];
}

export interface TalkingBookInput {
  /** BCP 47 language of the book (the procedure's). */
  lang: string;
  title: string;
  /** A stable URN (see `bookIdentifier`). */
  identifier: string;
  /** The office that publishes the procedure. */
  publisher: string;
  /** The procedure's last review, `YYYY-MM-DD`: the book's `dcterms:modified` (never the clock). */
  modified: string;
  /** The MP3 the overlays point into, and its length as heard, in milliseconds. */
  audio: Uint8Array;
  durationMs: number;
  segments: readonly BookSegment[];
  /** Phrases in another language (`:id[…]`), marked with their language where a sentence holds them. */
  phrases?: readonly { lang: string; text: string }[];
  /** From the words files of the book's language. */
  words: {
    /** `schema:accessibilitySummary`. */
    summary: string;
    /** Title of the table of contents. */
    contents: string;
  };
}
