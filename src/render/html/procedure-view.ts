// Procedure → the plain data the HTML templates show. All rich text is
// sanitised HTML here; every other string is escaped by the template engine.
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Words } from '../../i18n/words.js';
import { formatDate } from '../../i18n/words.js';
import type { Procedure, Section } from '../../model/types.js';
import { type Artifact, procedureDir, type RenderContext } from '../types.js';
import { blocksToHtml, itemsToHtml, type RichTextOptions } from './rich-text.js';

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
  procedure: Procedure,
  context: RenderContext,
  earlier: readonly Artifact[],
  { headingShift, root, files }: ViewOptions,
) {
  const words = wordsFor(procedure.lang, context);
  const terms = words.terms;
  const options: RichTextOptions = { headingShift, tableLabel: terms.table };
  const blocks = (section: Section | undefined) => (section ? blocksToHtml(section.blocks, options) : '');
  const { meta, requirements, steps } = procedure;

  const complaints: SectionView = procedure.complaints
    ? { id: 'complaints', title: terms.complaints, html: blocks(procedure.complaints) }
    : {
        id: 'complaints',
        title: terms.complaints,
        html: siteComplaintsHtml(context, terms.complaints_default, options),
      };
  const listSection = (id: string, title: string, section: typeof requirements, ordered: boolean): SectionView => ({
    id,
    title,
    html: [
      blocksToHtml(section.before, options),
      itemsToHtml(section.items, ordered, `pelita-${id}-list`, options),
      blocksToHtml(section.after, options),
    ].join(''),
  });
  const optional = (section: Section | undefined, title: string): SectionView[] =>
    section ? [{ id: section.id, title, html: blocks(section) }] : [];

  // The six components of UU 25/2009 art. 21 come first, in the order a citizen asks about them.
  const sections: SectionView[] = [
    listSection('requirements', terms.requirements, requirements, false),
    listSection('steps', terms.steps, steps, true),
    complaints,
    ...procedure.freeSections.map((section) => ({ id: section.id, title: section.heading, html: blocks(section) })),
    ...optional(procedure.legalBasis, terms.legal_basis),
    ...optional(procedure.notes, terms.notes),
  ];

  return {
    lang: procedure.lang,
    slug: procedure.slug,
    terms,
    title: meta.title,
    summary: meta.summary,
    unit: meta.unit ?? '',
    updated: meta.updated,
    updatedText: formatDate(meta.updated, words),
    introduction: blocksToHtml(procedure.introduction, options),
    facts: [
      { id: 'duration', label: terms.duration, value: meta.duration },
      { id: 'cost', label: terms.cost, value: meta.cost },
      { id: 'product', label: terms.product, value: meta.product },
    ],
    sections,
    level: { title: 1 + headingShift, section: 2 + headingShift },
    editions: editionLinks(procedure, context, earlier, words, files),
    audio: audioPlayer(procedure, earlier, words, files),
    outdated: outdatedNotice(procedure, context, root),
    pictogramSheet: pictogramSheet(procedure, earlier, words, files),
  };
}

/** The picture-language sheet, when the pictogram renderer made one: shown on the page as an image. */
function pictogramSheet(procedure: Procedure, earlier: readonly Artifact[], words: Words, files: string) {
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

/** The same procedure in the site's other languages, for the language switcher and hreflang. */
export function languageVersions(procedure: Procedure, context: RenderContext) {
  return context.site.languages.flatMap((lang) => {
    if (lang === procedure.lang) return [];
    const exists = context.procedures.some((other) => other.lang === lang && other.slug === procedure.slug);
    if (!exists) return [];
    const path = `${procedureDir({ lang, slug: procedure.slug })}/index.html`;
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

/** A player for the spoken edition, with its transcript, when the audio renderer made one. */
function audioPlayer(procedure: Procedure, earlier: readonly Artifact[], words: Words, files: string) {
  const dir = procedureDir(procedure);
  const has = (file: string) => earlier.some((artifact) => artifact.path === `${dir}/${file}`);
  if (!has('audio.mp3')) return null;
  return {
    src: `${files}audio.mp3`,
    transcript: has('audio.txt') ? `${files}audio.txt` : '',
    title: words.terms.listen,
    transcriptLabel: words.terms.read_transcript,
  };
}

/** A polite notice on translations that may not match their original, linking it. */
function outdatedNotice(procedure: Procedure, context: RenderContext, root: string) {
  const state = procedure.translation;
  if (!state || state.status === 'current') return null;
  const terms = wordsFor(procedure.lang, context).terms;
  return {
    text: terms.translation_outdated_notice,
    linkText: terms.read_the_original,
    href: `${root}${procedureDir({ lang: state.sourceLang, slug: procedure.slug })}/index.html`,
    lang: state.sourceLang,
    languageName: wordsFor(state.sourceLang, context).languageName,
  };
}

/** The other editions of this procedure that were made before the page, with their size. */
function editionLinks(
  procedure: Procedure,
  context: RenderContext,
  earlier: readonly Artifact[],
  words: Words,
  files: string,
) {
  const dir = procedureDir(procedure);
  return context.editions.flatMap((edition) => {
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

function siteComplaintsHtml(context: RenderContext, lead: string, options: RichTextOptions): string {
  if (context.site.complaints.length === 0) return '';
  const items = context.site.complaints.map((content) => ({ content, details: [], subItems: [] }));
  return toHtml(h('p', lead)) + itemsToHtml(items, false, 'pelita-complaints-list', options);
}
