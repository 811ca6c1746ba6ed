// The MP3's timed companions, from the segments' times: WebVTT captions (audio.vtt, in
// normal spelling, one cue per spoken segment), a WebVTT chapters track (audio-chapters.vtt,
// which the page also reads for its chapter links) and the clean transcript.
import type { AudioChapter } from './encode/id3.js';
import { joinSegments, type ScriptSegment } from './script.js';

export function captionsVtt(segments: readonly Pick<ScriptSegment, 'written'>[], times: readonly Span[]): string {
  const cues = segments.map((segment, index) => {
    const time = times[index] ?? { start: 0, end: 0 };
    return `${index + 1}\n${timestamp(time.start)} --> ${timestamp(time.end)}\n${cueText(segment.written)}`;
  });
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
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
/** The chapters back from audio-chapters.vtt (for the page's chapter list). */
export function readChaptersVtt(vtt: string): AudioChapter[] {
  const chapters: AudioChapter[] = [];
  for (const cue of vtt.split(/\n\n+/)) {
    const [, times, ...text] = cue.split('\n');
    const match = times?.match(/^(\S+) --> (\S+)$/);
    if (!match) continue;
    chapters.push({
      title: uncueText(text.join(' ')),
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

interface Span {
  start: number;
  end: number;
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
