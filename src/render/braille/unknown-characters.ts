// Characters the table has no sign for are replaced before translation by U+FFFD,
// which the table writes as the full cell ⠿ (documented in the table's header).
export const PLACEHOLDER = '\ufffd';

export interface Replaced {
  text: string;
  /** The characters replaced, each once, in order of appearance. */
  unknown: string[];
}

export function replaceUnknown(text: string, known: ReadonlySet<string>): Replaced {
  const unknown: string[] = [];
  let result = '';
  // Whole grapheme clusters: an emoji with modifiers or a Javanese syllable is one placeholder.
  const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(text)) {
    if ([...segment].every((character) => known.has(character))) {
      result += segment;
    } else {
      result += PLACEHOLDER;
      if (!unknown.includes(segment)) unknown.push(segment);
    }
  }
  return { text: result, unknown };
}

/** `"😀" (U+1F600)` for a warning a person can act on. */
export function describe(segment: string): string {
  const codes = [...segment].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
  return `"${segment}" (${codes.join(' ')})`;
}
