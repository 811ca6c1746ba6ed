// The oral edition, from the outline: audio.mp3 with chapters, audio.txt (the voice script),
// audio.vtt (captions, one cue per sentence), audio-chapters.vtt (the chapters, for the page) and transcript.txt
// (normal spelling); all made together, because the timings come from the synthesis. Synthesis is slow, so the renderer declares a cache key made
// from the outline's script: the pipeline reuses the old files when neither the script
// nor the speech settings changed.
import { createHash } from 'node:crypto';
import type { Outline } from '../../outline/types.js';
import {
  bookSegments,
  TALKING_BOOK_FILE,
  TALKING_BOOK_FORMAT_VERSION,
  talkingBookFor,
} from '../talking-book/from-audio.js';
import { type Artifact, type ProcedureRun, procedureDir, type RenderContext, type Renderer } from '../types.js';
import { DEFAULT_MP3_OPTIONS, ENCODER_DELAY_SAMPLES } from './encode/mp3.js';
import { audioEngineVersions } from './engine-versions.js';
import { findPlace } from './find-place.js';
import { unknownAbbreviations } from './normalise/normalise.js';
import { readSpeechLanguage, type SpeechLanguage } from './normalise/speech-language.js';
import { fillTerm, joinSegments, type ScriptSegment, scriptParagraphs, scriptSegments } from './script.js';
import { chosenSpeechEngine } from './speech/engine.js';
import { PAUSE_SECONDS } from './speech/join.js';
import { loadSpeechData, type SpeechData } from './speech-data.js';
import { captionsVtt, chapters, chaptersVtt, cleanTranscript } from './timed-text.js';

/** Bump when the way audio is made changes, so cached files are made again. */
export const AUDIO_FORMAT_VERSION = 5;

export const audioRenderer: Renderer = {
  id: 'audio',
  editions: [
    { file: 'audio.mp3', term: 'edition_audio', type: 'audio/mpeg' },
    { file: 'audio.txt', term: 'edition_transcript', type: 'text/plain' },
    { file: 'audio.vtt', term: 'edition_captions', type: 'text/vtt' },
    { file: 'transcript.txt', term: 'edition_clean_transcript', type: 'text/plain' },
    { file: TALKING_BOOK_FILE, term: 'edition_talking_book', type: 'application/epub+zip' },
  ],
  async cacheKey(outline, context) {
    const prepared = await prepare(outline, context);
    if (!prepared) return undefined;
    return JSON.stringify({
      version: AUDIO_FORMAT_VERSION,
      talkingBook: TALKING_BOOK_FORMAT_VERSION,
      // Which engine speaks (`auto` and the one it picks say the same), with its version below.
      engine: chosenSpeechEngine(context.settings.speechEngine).id,
      engines: audioEngineVersions(context.settings.speechEngine, context.settings.mp3Encoder),
      voice: prepared.speech.voice,
      rate: prepared.speech.rate,
      mp3: DEFAULT_MP3_OPTIONS,
      tags: prepared.tags,
      pronunciations: prepared.pronunciations,
      pauses: PAUSE_SECONDS,
      encoderDelay: ENCODER_DELAY_SAMPLES,
      // The segments hold the spoken and the written text, the chapter titles and the pauses.
      segments: createHash('sha256').update(JSON.stringify(prepared.segments)).digest('hex'),
    });
  },
  async renderProcedure(outline, context, run) {
    const prepared = await prepare(outline, context, run);
    if (!prepared) return [];
    // In a process or a worker thread of its own: the other renderers go on while the voice speaks and LAME encodes.
    const { makeMp3InPool } = await import('./mp3-pool.js');
    const { mp3, durationSeconds, times, durationMs, sentences } = await makeMp3InPool(prepared.segments, {
      engine: context.settings.speechEngine,
      encoder: context.settings.mp3Encoder,
      voice: { voice: prepared.speech.voice, rate: prepared.speech.rate },
      tags: prepared.tags,
      pronunciations: prepared.pronunciations,
    });
    const dir = procedureDir(outline);
    const artifacts: Artifact[] = [
      { path: `${dir}/audio.mp3`, data: mp3, facts: { durationSeconds } },
      { path: `${dir}/audio.txt`, data: `${joinSegments(prepared.segments, 'spoken')}\n` },
      { path: `${dir}/audio.vtt`, data: captionsVtt(prepared.segments, sentences) },
      { path: `${dir}/audio-chapters.vtt`, data: chaptersVtt(chapters(prepared.segments, times, durationMs)) },
      { path: `${dir}/transcript.txt`, data: cleanTranscript(prepared.segments) },
      {
        path: `${dir}/${TALKING_BOOK_FILE}`,
        data: talkingBookFor(outline, context, {
          mp3,
          durationMs,
          segments: bookSegments(prepared.segments, { sentences }),
          voice: prepared.tags.comment,
        }),
      },
    ];
    return artifacts;
  },
};

interface Prepared {
  speech: SpeechLanguage;
  segments: ScriptSegment[];
  tags: { title: string; artist: string; language: string; comment: string };
  /** How the voice is told to say the words it says wrongly. */
  pronunciations: Record<string, string>;
}

async function prepare(outline: Outline, context: RenderContext, run?: ProcedureRun): Promise<Prepared | undefined> {
  const { lang } = outline;
  const data = await loadSpeechData();
  const words = context.words.get(lang);
  const speechData = data.languages.get(lang);
  if (!words || speechData === undefined) {
    run?.warn(
      `The audio edition cannot speak "${lang}" yet: add templates/speech/${lang}.yaml. No audio was made for this page.`,
      undefined,
      'audio-language-missing',
      { lang },
    );
    return undefined;
  }
  const defaults = readSpeechLanguage(lang, speechData, words.months);
  // site.yaml `speech_voices` may choose another voice; its language is the voice name's first part.
  const voice = context.site.speechVoices[lang];
  const speech = voice ? { ...defaults, voice, voiceLanguage: voice.split(/[-+]/)[0] ?? voice } : defaults;
  const speechOf = (other: string) => {
    const otherData = data.languages.get(other);
    const otherWords = context.words.get(other);
    return otherData === undefined || !otherWords ? undefined : readSpeechLanguage(other, otherData, otherWords.months);
  };
  const input = { outline, words, speech, lexicon: data.lexicon, speechOf };
  if (run) warnUnknownAbbreviations(outline, scriptParagraphs(input).join('\n'), data, speech, run);
  const voiceWords = context.words.get(speech.voiceLanguage);
  const voiceLanguageName = voiceWords?.languageName ?? speech.voiceLanguage;
  const comment =
    speech.voiceLanguage === lang
      ? fillTerm(words.terms.audio_voice, { language: words.languageName })
      : fillTerm(words.terms.audio_voice_fallback, { voice_language: voiceLanguageName, language: words.languageName });
  return {
    speech,
    segments: scriptSegments(input),
    tags: { title: outline.title.text, artist: outline.office.name, language: speech.iso639_2, comment },
    pronunciations: Object.fromEntries(data.pronunciations.get(speech.voice) ?? []),
  };
}

function warnUnknownAbbreviations(
  outline: Outline,
  text: string,
  data: SpeechData,
  speech: SpeechLanguage,
  run: ProcedureRun,
): void {
  for (const word of unknownAbbreviations(text, data.lexicon, speech)) {
    run.warn(
      `The audio edition does not know how to say "${word}"; the voice spells it letter by letter. If it is said as a word or otherwise, add a line "${word}: …" to templates/speech/lexicon.yaml (spelled like ka te pe, or as a word).`,
      findPlace(outline, word),
      'audio-unknown-abbreviation',
      { word },
    );
  }
}
