// A language's words: UI terms, month names and the headings that name sections.
import { SECTION_KINDS, type SectionKind } from '../model/types.js';
import type { MessageText } from './messages.js';
import { TERMS, type Term } from './terms.js';

export interface Words {
  lang: string;
  languageName: string;
  terms: Record<Term, string>;
  months: string[];
  headings: Record<SectionKind, string[]>;
}

/** A problem with a words file, said for the person who edits it. */
export type WordsProblem = MessageText;

/**
 * Reads one `templates/i18n/<lang>.yaml` (already parsed). Missing terms fall back to
 * `fallback` (the source language's words) and are reported.
 */
export function readWords(lang: string, data: unknown, fallback?: Words): { words: Words; problems: WordsProblem[] } {
  const problems: WordsProblem[] = [];
  const record = isRecord(data) ? data : {};
  const termData = isRecord(record.terms) ? record.terms : {};
  const terms = {} as Record<Term, string>;
  for (const term of TERMS) {
    const value = termData[term];
    if (typeof value === 'string' && value.trim() !== '') {
      terms[term] = value;
    } else {
      problems.push({ id: 'missing-term', params: { term } });
      terms[term] = fallback?.terms[term] ?? term;
    }
  }
  const headingData = isRecord(record.headings) ? record.headings : {};
  const headings = {} as Record<SectionKind, string[]>;
  for (const kind of SECTION_KINDS) {
    const value = headingData[kind];
    headings[kind] = Array.isArray(value) ? value.map(String) : (fallback?.headings[kind] ?? []);
  }
  const months =
    Array.isArray(record.months) && record.months.length === 12 ? record.months.map(String) : (fallback?.months ?? []);
  if (months.length !== 12) problems.push({ id: 'missing-months' });
  const languageName = typeof record.language_name === 'string' ? record.language_name : lang;
  return { words: { lang, languageName, terms, months, headings }, problems };
}

/** `2025-10-01` → `1 Oktober 2025`, with the language's month names. */
export function formatDate(isoDate: string, words: Words): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${words.months[(month ?? 1) - 1]} ${year}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
