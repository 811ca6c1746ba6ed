// The publishing office's settings (content/site.yaml), typed.
import type { PhrasingContent } from 'mdast';
import type { SectionKind } from './types.js';

export interface Site {
  name: string;
  shortName: string;
  /** Public base URL of the web edition, always ending in `/`. */
  url: string;
  address?: string;
  phone?: string;
  email?: string;
  /** First = source language. */
  languages: string[];
  /** Default complaint channels, as inline rich text. */
  complaints: PhrasingContent[][];
  /** Braille table per language (file in templates/braille/tables/), from `braille_tables:`;
   * languages not listed use templates/braille/languages.yaml. */
  brailleTables: Record<string, string>;
  /** Braille page from `braille: { paper, cells, lines }`: a preset of
   * templates/braille/geometry.yaml (`a4` 40 × 28 by default, `braille-11x11.5` 40 × 25),
   * cells per line and lines per page overriding it. */
  braille?: { paper?: string; cells?: number; lines?: number };
  /** eSpeak NG voice per language, from `speech_voices:`; languages not listed use
   * templates/speech/<lang>.yaml. */
  speechVoices: Record<string, string>;
  /** Abbreviations the web pages explain, from `glossary:`, besides templates/glossary.yaml. */
  glossary?: Record<string, string>;
  /** Extra heading texts per language and section, from `sections:`. */
  sectionHeadings: Record<string, Partial<Record<SectionKind, string[]>>>;
}

export function sourceLanguage(site: Site): string {
  return site.languages[0] ?? 'id';
}
