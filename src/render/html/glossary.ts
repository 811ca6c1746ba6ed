// The glossary of templates/glossary.yaml: which abbreviations the pages explain. Each page
// marks the first use of each with <abbr title>, in reading order, and lists those it used.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const FILE = fileURLToPath(new URL('../../../templates/glossary.yaml', import.meta.url));

export interface Glossary {
  /** Language of the expansions. */
  lang: string;
  terms: ReadonlyMap<string, string>;
  /** Finds any term as a whole word: longest first, so "KTP-el" wins over "KTP". */
  pattern: RegExp;
}

let file: { language?: string; terms?: Record<string, string> } | undefined;
const merged = new WeakMap<object, Glossary>();
const NONE = {};

/** The glossary file's terms, with the site's own (`site.yaml` `glossary:`) added or overriding. */
export function loadGlossary(siteTerms?: Readonly<Record<string, string>>): Glossary {
  const key = siteTerms ?? NONE;
  const known = merged.get(key);
  if (known) return known;
  file ??= parse(readFileSync(FILE, 'utf8')) as { language?: string; terms?: Record<string, string> };
  const data = file;
  const terms = new Map(
    Object.entries({ ...data.terms, ...siteTerms }).map(([term, expansion]) => [term, String(expansion)]),
  );
  const escaped = [...terms.keys()]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const glossary = {
    lang: data.language ?? 'id',
    terms,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}-])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu'),
  };
  merged.set(key, glossary);
  return glossary;
}

/** One page's use of the glossary: the terms met so far, in order. */
export interface GlossaryUse {
  glossary: Glossary;
  seen: string[];
}
