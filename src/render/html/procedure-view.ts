// Outline → the plain data the HTML templates show. All rich text is sanitised HTML
// here; every other string is escaped by the template engine.
import type { Words } from '../../i18n/words.js';
import type { Procedure } from '../../model/types.js';
import type { Outline } from '../../outline/types.js';
import { readChaptersVtt } from '../audio/timed-text.js';
import { loadLexicon } from '../pictogram/lexicon-file.js';
import { pictureListView } from '../pictogram/picture-list.js';
import { type Artifact, procedureDir, type RenderContext } from '../types.js';
import { type GlossaryUse, loadGlossary } from './glossary.js';
import { blocksToHtml, notesToHtml, type RichTextOptions } from './rich-text.js';

export interface SectionView {
  id: string;
  title: string;
  html: string;
}

export interface ViewOptions {
  /** Added to every heading level: 0 on the page, 1 in the fragment (under the host's h1). */
  headingShift: number;
  /** Prefix of links to other pages: relative on the page, the site URL in the fragment. */
  root: string;
  /** Prefix of this procedure's own files (PDF, audio…): empty on the page, its full URL in the fragment. */
  files: string;
}

export function procedureView(
  outline: Outline,
  context: RenderContext,
  earlier: readonly Artifact[],
  { headingShift, root, files }: ViewOptions,
) {
  const words = wordsFor(outline.lang, context);
  const terms = words.terms;
  // Requirements and steps lists carry their own classes (the steps are drawn as numbered circles).
  const listClass = new Map(
    outline.sections.flatMap((section) => (section.list ? [[section.list, `pelita-${section.id}-list`] as const] : [])),
  );
  const idPrefix = procedureIdPrefix(outline);
  const glossary: GlossaryUse = { glossary: loadGlossary(context.site.glossary), seen: [] };
  const options: RichTextOptions = {
    headingShift,
    tableLabel: terms.table,
    listClass,
    noteRefs: new Map(),
    idPrefix,
    glossary,
  };
  const introduction = blocksToHtml(outline.introduction, options);
  const sections: SectionView[] = outline.sections.map((section) => ({
    id: section.id,
    title: section.title,
    html: blocksToHtml(section.blocks, options),
  }));
  if (outline.notes.length > 0) {
    const back = (number: number) => terms.footnote_back.replace('{number}', String(number));
    sections.push({ id: 'footnotes', title: outline.notesTitle, html: notesToHtml(outline.notes, back, options) });
  }

  const editions = editionLinks(outline, context, earlier, words, files);
  return {
    lang: outline.lang,
    slug: outline.slug,
    /** Starts every id on the page: `pelita-<lang>-<slug>-`. */
    id: idPrefix,
    terms,
    title: outline.title.text,
    summary: outline.summary.text,
    unit: outline.unit?.text ?? '',
    updated: outline.updated.iso,
    updatedText: outline.updated.text,
    introduction,
    facts: outline.facts.map((fact) => ({ id: fact.id, label: fact.label, value: fact.value })),
    sections,
    level: { title: 1 + headingShift, section: 2 + headingShift },
    editions,
    audio: audioPlayer(outline, earlier, words, files),
    outdated: outline.notice
      ? {
          text: outline.notice.text,
          linkText: outline.notice.linkText,
          href: `${root}${outline.notice.originalDir}/`,
          lang: outline.notice.originalLang,
          languageName: outline.notice.originalLanguageName,
        }
      : null,
    pictogramSheet: pictogramSheet(outline, earlier, words, files),
    pictureList: pictureListView(outline, earlier, words, files, loadLexicon()) ?? null,
    // Filled while the sections above were made: the abbreviations this page uses, in order.
    glossary: glossary.seen.map((term) => ({
      term,
      expansion: glossary.glossary.terms.get(term) ?? '',
      lang: glossary.glossary.lang,
    })),
  };
}

/** Ids are unique per procedure and language, so two fragments (or two languages) share a host page. */
export function procedureIdPrefix(procedure: Pick<Procedure, 'lang' | 'slug'>): string {
  return `pelita-${procedure.lang}-${procedure.slug}-`;
}

/** The picture-language sheet, when the pictogram renderer made one: shown on the page as an image. */
function pictogramSheet(procedure: Outline, earlier: readonly Artifact[], words: Words, files: string) {
  const svg = earlier.find((artifact) => artifact.path === `${procedureDir(procedure)}/pictograms.svg`);
  if (!svg) return null;
  const size = /width="([\d.]+)mm" height="([\d.]+)mm"/.exec(String(svg.data));
  // Width and height in CSS pixels at 96 dpi keep the page from jumping while the image loads.
  const px = (mm: string | undefined) => Math.round((Number(mm) / 25.4) * 96);
  return {
    src: `${files}pictograms.svg`,
    alt: words.terms.pictogram_sheet_alt,
    title: words.terms.pictogram_sheet,
    width: px(size?.[1]),
    height: px(size?.[2]),
  };
}

/** `<lang>/<slug>` of each of a build's procedures. */
const listedDirs = new WeakMap<readonly Procedure[], ReadonlySet<string>>();

/** The same procedure in the site's other languages, for the language switcher and hreflang. */
export function languageVersions(procedure: Pick<Procedure, 'lang' | 'slug'>, context: RenderContext) {
  let listed = listedDirs.get(context.procedures);
  if (!listed) {
    // Looked up, not searched for each page: every page asks, so a search would be O(N²).
    listed = new Set(context.procedures.map(procedureDir));
    listedDirs.set(context.procedures, listed);
  }
  return context.site.languages.flatMap((lang) => {
    if (lang === procedure.lang || !listed.has(procedureDir({ lang, slug: procedure.slug }))) return [];
    const path = `${procedureDir({ lang, slug: procedure.slug })}/`;
    return [
      { lang, name: wordsFor(lang, context).languageName, href: `../../${path}`, url: `${context.site.url}${path}` },
    ];
  });
}

export function wordsFor(lang: string, context: RenderContext): Words {
  const words = context.words.get(lang) ?? context.words.get(context.site.languages[0] ?? 'id');
  if (!words) throw new Error(`no words loaded for language "${lang}"`);
  return words;
}

/**
 * A player for the spoken edition, when the audio renderer made one: its captions track,
 * its chapters (read from audio-chapters.vtt, so the page and the MP3 agree) and transcripts.
 */
function audioPlayer(procedure: Outline, earlier: readonly Artifact[], words: Words, files: string) {
  const dir = procedureDir(procedure);
  const find = (file: string) => earlier.find((artifact) => artifact.path === `${dir}/${file}`);
  const has = (file: string) => find(file) !== undefined;
  if (!has('audio.mp3')) return null;
  const chapterFile = find('audio-chapters.vtt');
  const chapterText =
    chapterFile === undefined
      ? ''
      : typeof chapterFile.data === 'string'
        ? chapterFile.data
        : Buffer.from(chapterFile.data).toString('utf8');
  return {
    src: `${files}audio.mp3`,
    transcript: has('audio.txt') ? `${files}audio.txt` : '',
    title: words.terms.listen,
    transcriptLabel: words.terms.read_transcript,
    captions: has('audio.vtt') ? `${files}audio.vtt` : '',
    captionsLabel: words.terms.audio_captions,
    lang: procedure.lang,
    cleanTranscript: has('transcript.txt') ? `${files}transcript.txt` : '',
    cleanTranscriptLabel: words.terms.read_clean_transcript,
    chaptersTitle: words.terms.audio_chapters,
    chapters: readChaptersVtt(chapterText).map((chapter) => {
      // Rounded down to a tenth, so a seek never skips the chapter's first word.
      const seconds = Math.floor(chapter.start / 100) / 10;
      const whole = Math.floor(seconds);
      return {
        title: chapter.title,
        seconds,
        href: `${files}audio.mp3#t=${seconds}`,
        time: `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`,
      };
    }),
  };
}

/**
 * Citizens' formats before the files for printing offices: listening, large print, picture
 * language, the leaflet, a talking book, then Braille. Files not listed keep registry order after these.
 */
const EDITION_ORDER = [
  'audio.mp3',
  'audio.txt',
  'transcript.txt',
  'audio.vtt',
  'large-print.pdf',
  'pictograms.pdf',
  'pictograms.png',
  'pictograms.svg',
  'leaflet.pdf',
  'book.epub',
  'braille.html',
  'braille.txt',
  'braille.brf',
  'braille.pef',
];

function editionRank(file: string): number {
  const rank = EDITION_ORDER.indexOf(file);
  if (rank >= 0) return rank;
  // A talking book under another name still comes before the Braille files.
  return file.endsWith('.epub') ? EDITION_ORDER.indexOf('book.epub') : EDITION_ORDER.length;
}

/** The other editions of this procedure that were made before the page, with their size, citizens' first. */
function editionLinks(
  procedure: Outline,
  context: RenderContext,
  earlier: readonly Artifact[],
  words: Words,
  files: string,
) {
  const dir = procedureDir(procedure);
  const ordered = context.editions
    .map((edition, index) => ({ edition, index }))
    .sort((a, b) => editionRank(a.edition.file) - editionRank(b.edition.file) || a.index - b.index)
    .map(({ edition }) => edition);
  return ordered.flatMap((edition) => {
    const artifact = earlier.find((candidate) => candidate.path === `${dir}/${edition.file}`);
    if (!artifact) return [];
    const bytes = typeof artifact.data === 'string' ? Buffer.byteLength(artifact.data) : artifact.data.byteLength;
    return [
      {
        href: `${files}${edition.file}`,
        type: edition.type,
        label: words.terms[edition.term],
        size: formatSize(bytes, words),
        lang: procedure.lang,
        languageName: words.languageName,
      },
    ];
  });
}

/** `12 KB`, `1,4 MB` (the language's decimal sign), never depending on the machine's locale data. */
export function formatSize(bytes: number, words: Words): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const [whole, tenth] = (bytes / (1024 * 1024)).toFixed(1).split('.');
  return `${whole}${words.terms.decimal_sign}${tenth} MB`;
}
