// The spoken script: written for the ear, not a reading of the page. Introduction with
// the service facts, what to bring, the steps one by one, where to complain, notes, other
// sections and the legal basis. Every fixed word comes from templates/i18n; every line is
// then normalised so no digit, symbol or abbreviation is left to the synthesiser.
import type { RootContent } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import type { Term } from '../../i18n/terms.js';
import { formatDate, type Words } from '../../i18n/words.js';
import type { Site } from '../../model/site.js';
import type { Item, Procedure, Section } from '../../model/types.js';
import { normaliseForSpeech } from './normalise/normalise.js';
import { spellOrdinal } from './normalise/number-words.js';
import type { Lexicon, SpeechLanguage } from './normalise/speech-language.js';

export interface ScriptInput {
  procedure: Procedure;
  site: Site;
  words: Words;
  speech: SpeechLanguage;
  lexicon: Lexicon;
}

/** The script as paragraphs, before normalisation (the words a writer wrote). */
export function scriptParagraphs({ procedure, site, words, speech }: ScriptInput): string[] {
  const say = (term: Term, values: Record<string, string> = {}) => fillTerm(words.terms[term], values);
  const { meta } = procedure;
  const paragraphs: string[] = [];
  paragraphs.push(
    [
      say('audio_intro', { title: meta.title, office: site.name }),
      sentence(meta.summary),
      say('audio_cost', { cost: clause(meta.cost) }),
      say('audio_duration', { duration: clause(meta.duration) }),
      say('audio_product', { product: clause(meta.product) }),
    ].join(' '),
  );
  paragraphs.push(...blocksText(procedure.introduction));

  paragraphs.push(
    [
      say('audio_requirements'),
      ...procedure.requirements.items.map((item, index) =>
        say('audio_requirement', {
          ordinal: spellOrdinal(index + 1, speech.numbers),
          text: lowerFirst(itemText(item)),
        }),
      ),
    ].join(' '),
  );
  paragraphs.push(
    [
      say('audio_steps'),
      ...procedure.steps.items.map((item, index) =>
        say('audio_step', { ordinal: spellOrdinal(index + 1, speech.numbers), text: itemText(item) }),
      ),
    ].join(' '),
  );

  const complaints = procedure.complaints
    ? sectionLines(procedure.complaints)
    : site.complaints.map((line) => sentence(plainText({ type: 'paragraph', children: line })));
  paragraphs.push([say('audio_complaints'), ...complaints].join(' '));
  if (procedure.notes) paragraphs.push([`${words.terms.notes}:`, ...sectionLines(procedure.notes)].join(' '));
  for (const section of procedure.freeSections) {
    paragraphs.push([sentence(section.heading), ...sectionLines(section)].join(' '));
  }
  if (procedure.legalBasis) {
    paragraphs.push([`${words.terms.legal_basis}:`, ...sectionLines(procedure.legalBasis)].join(' '));
  }
  paragraphs.push(`${words.terms.updated}: ${formatDate(meta.updated, words)}.`);
  return paragraphs.filter((paragraph) => paragraph.trim() !== '');
}

/** The finished script: normalised paragraphs separated by blank lines. */
export function speechScript(input: ScriptInput): string {
  const paragraphs = scriptParagraphs(input).map((paragraph) =>
    normaliseForSpeech(paragraph, input.speech, input.lexicon),
  );
  return `${paragraphs.join('\n\n')}\n`;
}

export function fillTerm(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);
}

/**
 * An item, its further blocks and its sub-points, as sentences. Sub-points that the writer
 * joined with "; atau" stay one sentence: "lampirkan juga: fotokopi akta cerai; atau fotokopi …".
 */
function itemText(item: Item, last = true): string {
  const own = plainText({ type: 'paragraph', children: item.content }).replace(/\s+/g, ' ').trim();
  const text = [own, ...blocksText(item.details)].join(' ');
  // A sub-point that ends "…; atau" or "…;" runs on into the next one.
  if (item.subItems.length === 0) return last || !/[;,:]\s*\p{L}*$/u.test(text) ? sentence(text) : text;
  const subs = item.subItems.map((sub, index) => itemText(sub, index === item.subItems.length - 1));
  return [sentence(text, true), ...subs].join(' ');
}

/** "Formulir laporan" → "formulir laporan" after "pertama,"; acronyms (SK, KTP-el) keep their case. */
function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text[0]?.toLowerCase() + text.slice(1) : text;
}

/** Each list item, or each paragraph, of a section as a sentence. */
function sectionLines(section: Section): string[] {
  return section.blocks.flatMap((block) =>
    block.type === 'list'
      ? block.children.map((item) => sentence(plainText(item).replace(/\s+/g, ' ')))
      : blocksText([block]),
  );
}

function blocksText(blocks: RootContent[]): string[] {
  return blocks.map(blockText).filter((text) => text !== '');
}

/** A block as sentences: a list item or a table row is one sentence (cells joined by commas). */
function blockText(block: RootContent): string {
  const flat = (node: RootContent) => plainText(node).replace(/\s+/g, ' ').trim();
  if (block.type === 'list') return block.children.map((item) => sentence(flat(item))).join(' ');
  if (block.type === 'table') {
    return block.children.map((row) => sentence(row.children.map(flat).filter(Boolean).join(', '))).join(' ');
  }
  return sentence(flat(block));
}

/** Ends the text with a full stop (a pause for the listener) unless it already ends a clause. */
function sentence(text: string, keepColon = false): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (/[.!?]$/.test(trimmed) || (keepColon && /[:;]$/.test(trimmed))) return trimmed;
  if (/[:;,]$/.test(trimmed)) return `${trimmed.slice(0, -1)}.`;
  return `${trimmed}.`;
}

/** A front-matter value inside a sentence: no full stop of its own. */
function clause(text: string): string {
  return text.trim().replace(/[.]+$/, '');
}
