// Procedure + site + words → the outline every edition renders. Decides, once for all
// editions, the reading order, the section titles, the site's complaint channels when the
// procedure has none, the translation notice and the numbering of footnotes.
import type { FootnoteDefinition, List as MdastList } from 'mdast';
import { formatDate, type Words } from '../i18n/words.js';
import type { Site } from '../model/site.js';
import type { ListSection, Section as ModelSection, Procedure } from '../model/types.js';
import { collectDefinitions, NoteNumbers, toBlocks, toInlines, toList } from './from-mdast.js';
import type { Block, Note, Outline, Section } from './types.js';

export interface OutlineInput {
  procedure: Procedure;
  site: Site;
  /** Words of the procedure's language. */
  words: Words;
  /** Words of the site's languages, for the name of a translation's original language. */
  allWords: ReadonlyMap<string, Words>;
}

export function buildOutline({ procedure, site, words, allWords }: OutlineInput): Outline {
  const { meta, metaPositions } = procedure;
  const { terms } = words;
  const definitions = new Map<string, FootnoteDefinition>();
  const modelSections = [
    procedure.requirements,
    procedure.steps,
    ...procedure.freeSections,
    procedure.complaints,
    procedure.legalBasis,
    procedure.notes,
  ];
  collectDefinitions(procedure.introduction, definitions);
  for (const section of modelSections) if (section) collectDefinitions(section.blocks, definitions);
  const notes = new NoteNumbers(definitions);

  const introduction = toBlocks(procedure.introduction, notes);
  const titled = (section: ModelSection, title: string): Section => ({
    kind: section.kind,
    id: section.id,
    title,
    origin: 'document',
    blocks: toBlocks(section.blocks, notes),
    position: section.position,
  });
  const listSection = (section: ListSection, title: string): Section => {
    const list = toList(section.blocks[section.before.length] as MdastList, notes);
    list.items.forEach((item, index) => {
      const model = section.items[index];
      if (model?.pictogram) item.pictogram = model.pictogram;
      if (model?.caption) item.caption = model.caption;
    });
    return {
      kind: section.kind,
      id: section.id,
      title,
      origin: 'document',
      blocks: [...toBlocks(section.before, notes), list, ...toBlocks(section.after, notes)],
      list,
      position: section.position,
    };
  };

  // Reading order, the same in every edition: what a citizen needs first (requirements,
  // steps), then the writer's own sections in source order (they explain the steps), then
  // where to complain, the legal basis and the notes.
  const sections: Section[] = [
    listSection(procedure.requirements, terms.requirements),
    listSection(procedure.steps, terms.steps),
    ...procedure.freeSections.map((section) => titled(section, section.heading)),
    procedure.complaints
      ? titled(procedure.complaints, terms.complaints)
      : siteComplaints(site, terms.complaints, terms.complaints_default, notes),
    ...(procedure.legalBasis ? [titled(procedure.legalBasis, terms.legal_basis)] : []),
    ...(procedure.notes ? [titled(procedure.notes, terms.notes)] : []),
  ].filter((section) => section.blocks.length > 0);

  const dir = `${procedure.lang}/${procedure.slug}`;
  const contact = [site.address, site.phone, site.email].filter(Boolean).join('  ·  ');
  return {
    lang: procedure.lang,
    slug: procedure.slug,
    source: procedure.source,
    office: { name: site.name, contact },
    title: { text: meta.title, position: metaPositions.title },
    summary: { text: meta.summary, position: metaPositions.summary },
    ...(meta.unit ? { unit: { text: meta.unit, label: terms.unit, position: metaPositions.unit } } : {}),
    facts: [
      { id: 'duration', label: terms.duration, value: meta.duration, position: metaPositions.duration },
      { id: 'cost', label: terms.cost, value: meta.cost, position: metaPositions.cost },
      { id: 'product', label: terms.product, value: meta.product, position: metaPositions.product },
    ],
    ...translationNotice(procedure, site, words, allWords),
    introduction,
    sections,
    notes: footnotes(notes),
    notesTitle: terms.footnotes,
    updated: {
      text: formatDate(meta.updated, words),
      iso: meta.updated,
      label: terms.updated,
      position: metaPositions.updated,
    },
    url: `${site.url}${dir}/index.html`,
  };
}

/** The office's channels from site.yaml, for procedures without a Pengaduan section. */
function siteComplaints(site: Site, title: string, lead: string, notes: NoteNumbers): Section {
  const blocks: Block[] =
    site.complaints.length === 0
      ? []
      : [
          { type: 'paragraph', children: [{ type: 'text', value: lead }] },
          {
            type: 'list',
            ordered: false,
            start: 1,
            items: site.complaints.map((channel) => ({ content: toInlines(channel, notes), blocks: [] })),
          },
        ];
  // The same anchor as a Pengaduan section the writer wrote.
  const kind = 'complaints';
  return { kind, id: kind, title, origin: 'site', blocks };
}

/** Notes in the order of their first reference; a note's own references are numbered on. */
function footnotes(numbers: NoteNumbers): Note[] {
  const notes: Note[] = [];
  // Definitions nobody refers to still carry words the writer wrote: they come last.
  for (const identifier of numbers.definitions.keys()) numbers.numberOf(identifier);
  const byNumber = [...numbers.numbers].sort((a, b) => a[1] - b[1]);
  for (const [identifier, number] of byNumber) {
    const definition = numbers.definitions.get(identifier);
    if (!definition) continue;
    notes.push({ number, blocks: toBlocks(definition.children, numbers), position: definition.position });
  }
  return notes;
}

function translationNotice(
  procedure: Procedure,
  site: Site,
  words: Words,
  allWords: ReadonlyMap<string, Words>,
): Pick<Outline, 'notice'> {
  const state = procedure.translation;
  if (!state || state.status === 'current') return {};
  const originalDir = `${state.sourceLang}/${procedure.slug}`;
  return {
    notice: {
      text: words.terms.translation_outdated_notice,
      linkText: words.terms.read_the_original,
      originalDir,
      originalUrl: `${site.url}${originalDir}/index.html`,
      originalLang: state.sourceLang,
      originalLanguageName: allWords.get(state.sourceLang)?.languageName ?? state.sourceLang,
    },
  };
}

/** `RenderContext.outline`: each procedure's outline, made once and then shared. */
export function outlinesFor(site: Site, allWords: ReadonlyMap<string, Words>): (procedure: Procedure) => Outline {
  const made = new WeakMap<Procedure, Outline>();
  return (procedure) => {
    let outline = made.get(procedure);
    if (!outline) {
      const words = allWords.get(procedure.lang) ?? allWords.get(site.languages[0] ?? 'id');
      if (!words) throw new Error(`no words loaded for language "${procedure.lang}"`);
      outline = buildOutline({ procedure, site, words, allWords });
      made.set(procedure, outline);
    }
    return outline;
  };
}
