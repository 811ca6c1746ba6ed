// Where each translation stands, per language: the data behind `pelita translations`.
import type { CheckedDocument } from './check-documents.js';
import { type Site, sourceLanguage } from './site.js';
import type { DigestPart } from './types.js';

export type TranslationStatus = 'current' | 'stale' | 'unmarked' | 'missing' | 'has-errors';

export interface TranslationRow {
  slug: string;
  status: TranslationStatus;
  changed: DigestPart[];
}

export interface LanguageReport {
  lang: string;
  rows: TranslationRow[];
}

/** One report per non-source language, rows in slug order, for every valid original. */
export function translationReport(checked: readonly CheckedDocument[], site: Site): LanguageReport[] {
  const sourceLang = sourceLanguage(site);
  const originals = checked
    .filter((doc) => doc.procedure?.lang === sourceLang)
    .map((doc) => doc.procedure?.slug ?? '')
    .sort();
  return site.languages
    .filter((lang) => lang !== sourceLang)
    .map((lang) => ({
      lang,
      rows: originals.map((slug): TranslationRow => {
        const doc = checked.find((candidate) => candidate.source === `${lang}/${slug}.md`);
        if (!doc) return { slug, status: 'missing', changed: [] };
        const state = doc.procedure?.translation;
        if (!state) return { slug, status: 'has-errors', changed: [] };
        return { slug, status: state.status, changed: state.changed };
      }),
    }));
}
