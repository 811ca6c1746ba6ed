// Word forms → comparable stems. Indonesian uses Sastrawi (the Nazief–Adriani
// stemmer with its root-word dictionary), so "menyerahkan", "diserahkan" and
// "penyerahan" all become "serah". Javanese has no maintained stemmer on npm: the
// lexicon lists a few affixes (dipun-, -aken, -ipun …) that are stripped instead.
import { Stemmer } from 'sastrawijs';
import type { Lexicon } from './lexicon.js';

export type StemWord = (word: string) => string;

/** A stemmer for one language; every word is lower-cased first. */
export function stemmerFor(lang: string, lexicon: Lexicon): StemWord {
  if (lang === 'id') return indonesianStemmer(lexicon.roots.id ?? []);
  const affixes = lexicon.affixes[lang];
  if (!affixes) return (word) => word.toLowerCase();
  return affixStripper(affixes.prefixes, affixes.suffixes);
}

function indonesianStemmer(roots: readonly string[]): StemWord {
  const stemmer = new Stemmer();
  // Stemmer.addToDict loses `this` in sastrawijs 1.1.0; add the roots to its dictionary directly.
  for (const root of roots) stemmer.internalDictionary[root] = '';
  const cache = new Map<string, string>();
  return (word) => {
    const lower = word.toLowerCase();
    const known = cache.get(lower);
    if (known !== undefined) return known;
    // Sastrawi knows plain words only: keep numbers and hyphenated words (ktp-el, e-mail) as they are.
    const stem = /^[a-z]+$/.test(lower) ? stemmer.stem(lower) : lower;
    cache.set(lower, stem);
    return stem;
  };
}

/** Strips at most one listed prefix and one listed suffix, keeping at least three letters. */
export function affixStripper(prefixes: readonly string[], suffixes: readonly string[]): StemWord {
  const byLength = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length);
  const pre = byLength(prefixes);
  const suf = byLength(suffixes);
  return (word) => {
    let stem = word.toLowerCase();
    const prefix = pre.find((p) => stem.startsWith(p) && stem.length - p.length >= 3);
    if (prefix) stem = stem.slice(prefix.length);
    const suffix = suf.find((s) => stem.endsWith(s) && stem.length - s.length >= 3);
    if (suffix) stem = stem.slice(0, -suffix.length);
    return stem;
  };
}
