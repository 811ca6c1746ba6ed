// The MP3's timed companions, from the sentences' times: WebVTT captions (audio.vtt, in
// normal spelling, one cue per spoken sentence), a WebVTT chapters track (audio-chapters.vtt,
// which the page also reads for its chapter links), the clean transcript, and the sentences
// with their times for the talking book (timedSentences).
import type { AudioChapter } from './encode/id3.js';
import type { Mp3Result, SentenceTime } from './mp3-types.js';
import { joinSegments, type ScriptSegment } from './script.js';

/** A caption line's length at most (the usual broadcast guideline), where a sentence is long. */
export const CAPTION_LINE_CHARACTERS = 42;
/** Lines a cue holds at most (WebVTT practice): a longer sentence gets further cues. */
export const CAPTION_LINES = 2;

type CaptionSegment = Pick<ScriptSegment, 'written'> & { sentences?: Pick<ScriptSegment, 'sentences'>['sentences'] };

/**
 * One cue per sentence, identified `s1`, `s2`, … in the order heard. A sentence too long
 * for two lines of 42 characters goes on in further cues, `s7-2`, `s7-3`, …, split at
 * word boundaries, the sentence's time shared between them in proportion to their
 * characters; so `sN` is always the start of sentence N.
 */
export function captionsVtt(segments: readonly CaptionSegment[], sentences: readonly SentenceTime[]): string {
  const cues = sentences.flatMap((time, number) => {
    const text = sentenceText(segments, time);
    const parts = captionParts(text);
    const total = parts.reduce((sum, part) => sum + part.join(' ').length, 0) || 1;
    let done = 0;
    return parts.map((lines, index) => {
      const start = time.start + Math.round(((time.end - time.start) * done) / total);
      done += lines.join(' ').length;
      const end =
        index === parts.length - 1 ? time.end : time.start + Math.round(((time.end - time.start) * done) / total);
      const id = index === 0 ? `s${number + 1}` : `s${number + 1}-${index + 1}`;
      return `${id}\n${timestamp(start)} --> ${timestamp(end)}\n${lines.map(cueText).join('\n')}`;
    });
  });
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

/** A sentence's text in normal spelling (a segment without sentences is one). */
function sentenceText(segments: readonly CaptionSegment[], { segment, index }: SentenceTime): string {
  const owner = segments[segment];
  return owner?.sentences?.[index]?.written ?? (index === 0 ? (owner?.written ?? '') : '');
}

/**
 * A sentence as cues of at most two lines, each at most 42 characters (a longer word alone):
 * as few cues as fit, the words shared evenly between them (no cue of one word left over),
 * and an amount or number kept with its word ("Rp 10.000", "No. 45").
 */
export function captionParts(text: string): string[][] {
  const words: string[] = [];
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    const last = words[words.length - 1];
    if (last !== undefined && GLUED.test(last) && last.length + 1 + word.length <= CAPTION_LINE_CHARACTERS)
      words[words.length - 1] = `${last} ${word}`;
    else words.push(word);
  }
  const total = words.join(' ').length;
  const limit = CAPTION_LINE_CHARACTERS * CAPTION_LINES;
  for (let count = Math.max(1, Math.ceil(total / limit)); ; count++) {
    const parts = shareWords(words, count).map(wrapLines);
    if (parts.every((lines) => lines.length <= CAPTION_LINES) || count >= words.length)
      return parts.length > 0 ? parts : [['']];
  }
}

/** Words after which a line does not break: a currency, "No.", a title. */
const GLUED = /^(?:Rp\.?|No\.|Jl\.|Jend\.|Dr\.|dr\.|Bab|Pasal|pukul|nomor)$/u;

/** The words in `count` runs of about equal length, in order. */
function shareWords(words: readonly string[], count: number): string[][] {
  const total = words.join(' ').length;
  const runs: string[][] = [[]];
  let done = 0;
  for (const word of words) {
    const run = runs[runs.length - 1] as string[];
    // A new run starts once this one has its share (the last takes the rest).
    if (run.length > 0 && runs.length < count && done + word.length / 2 > (total * runs.length) / count)
      runs.push([word]);
    else run.push(word);
    done += word.length + 1;
  }
  return runs;
}

/** Words into lines of at most 42 characters, two lines balanced when they fit in two. */
function wrapLines(words: readonly string[]): string[] {
  const greedy: string[] = [];
  for (const word of words) {
    const last = greedy[greedy.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= CAPTION_LINE_CHARACTERS)
      greedy[greedy.length - 1] = `${last} ${word}`;
    else greedy.push(word);
  }
  if (greedy.length !== 2) return greedy;
  // Two lines: the break that makes them most even.
  let best = greedy;
  for (let at = 1; at < words.length; at++) {
    const lines = [words.slice(0, at).join(' '), words.slice(at).join(' ')];
    if (lines.some((line) => line.length > CAPTION_LINE_CHARACTERS)) continue;
    const spread = (candidate: string[]) => Math.abs((candidate[0]?.length ?? 0) - (candidate[1]?.length ?? 0));
    if (spread(lines) < spread(best)) best = lines;
  }
  return best;
}

/** What the talking book needs of a segment: its chapter and its sentences, timed. */
export interface TimedSegment {
  chapter?: string;
  /** In normal spelling; times in milliseconds in the MP3 as heard. */
  sentences: { text: string; start: number; end: number }[];
}

/** Each segment's sentences in normal spelling with their times (for the EPUB 3 talking book). */
export function timedSentences(
  segments: readonly Pick<ScriptSegment, 'chapter' | 'written' | 'sentences'>[],
  result: Pick<Mp3Result, 'sentences'>,
): TimedSegment[] {
  return segments.map((segment, index) => ({
    ...(segment.chapter ? { chapter: segment.chapter } : {}),
    sentences: result.sentences
      .filter((time) => time.segment === index)
      .map((time) => ({ text: sentenceText(segments, time), start: time.start, end: time.end })),
  }));
}

export function chaptersVtt(chapters: readonly AudioChapter[]): string {
  const cues = chapters.map(
    (chapter, index) =>
      `ch${index}\n${timestamp(chapter.start)} --> ${timestamp(chapter.end)}\n${cueText(chapter.title)}`,
  );
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

/**
 * One chapter per segment that opens one; a chapter begins at the start of the file
 * (the first) or where its voice starts, and ends where the next begins.
 */
export function chapters(
  segments: readonly Pick<ScriptSegment, 'chapter'>[],
  times: readonly { start: number }[],
  durationMs: number,
): AudioChapter[] {
  const starts = segments.flatMap((segment, index) =>
    segment.chapter ? [{ title: segment.chapter, start: index === 0 ? 0 : (times[index]?.start ?? 0) }] : [],
  );
  return starts.map((chapter, index) => ({ ...chapter, end: starts[index + 1]?.start ?? durationMs }));
}
/**
 * The sentences back from audio.vtt, in order: each `sN` cue with its continuations
 * (`sN-2`, …) joined: what a caption reader gets of each sentence (the tests hold it
 * against the timings the MP3 was made with).
 */
export function readCaptionSentences(vtt: string): { text: string; start: number; end: number }[] {
  const sentences: { text: string; start: number; end: number }[] = [];
  for (const cue of vtt.split(/\n\n+/)) {
    const [id, times, ...text] = cue.split('\n');
    const match = times?.match(/^(\S+) --> (\S+)$/);
    const part = id?.match(/^s\d+(-\d+)?$/);
    if (!match || !part) continue;
    const said = uncueText(text.filter(Boolean).join(' '));
    const last = sentences[sentences.length - 1];
    if (part[1] && last) {
      last.text = `${last.text} ${said}`;
      last.end = milliseconds(match[2] ?? '');
    } else sentences.push({ text: said, start: milliseconds(match[1] ?? ''), end: milliseconds(match[2] ?? '') });
  }
  return sentences;
}

/** The chapters back from audio-chapters.vtt (for the page's chapter list). */
export function readChaptersVtt(vtt: string): AudioChapter[] {
  const chapters: AudioChapter[] = [];
  for (const cue of vtt.split(/\n\n+/)) {
    const [, times, ...text] = cue.split('\n');
    const match = times?.match(/^(\S+) --> (\S+)$/);
    if (!match) continue;
    chapters.push({
      // The file's last cue ends with the final newline: no empty line joins its title.
      title: uncueText(text.filter(Boolean).join(' ')),
      start: milliseconds(match[1] ?? ''),
      end: milliseconds(match[2] ?? ''),
    });
  }
  return chapters;
}

/** The transcript in normal spelling: a paragraph per segment, so each step has its own. */
export function cleanTranscript(segments: readonly ScriptSegment[]): string {
  return `${joinSegments(
    segments.map((segment) => ({ ...segment, pause: 'section' })),
    'written',
  )}\n`;
}

function timestamp(ms: number): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1000) % 60;
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(ms % 1000, 3)}`;
}

function milliseconds(stamp: string): number {
  const [hours = 0, minutes = 0, seconds = 0] = stamp.split(':').map(Number);
  return Math.round(((hours * 60 + minutes) * 60 + seconds) * 1000);
}

// A cue may not hold "-->" or a blank line, and "&" and "<" are markup in WebVTT.
function cueText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/-->/g, '--&gt;');
}

function uncueText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
