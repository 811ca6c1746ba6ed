// What the voice is given, not what the listener reads: words the eSpeak NG voice says
// wrongly (templates/speech/phonemes/<voice>.yaml) become eSpeak phoneme input `[[…]]`.
// Applied to the normalised script just before synthesis, so audio.txt, the captions and
// the transcripts keep the written words.

/** Word (any case) → eSpeak phoneme mnemonics. */
export type Pronunciations = ReadonlyMap<string, string>;

/** eSpeak's mnemonics for the suffixes said after a word of the list (berkasnya). */
const SUFFIXES: Record<string, string> = { nya: 'n^a' };

export function readPronunciations(data: unknown, where: string): Pronunciations {
  if (data === undefined || data === null) return new Map();
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error(`${where} must be a map`);
  const entries = Object.entries(data as Record<string, unknown>).map(([word, phonemes]) => {
    if (typeof phonemes !== 'string' || !/^[^[\]\s]+$/.test(phonemes))
      throw new Error(`${where} ${word}: the phonemes must be one eSpeak word without brackets`);
    return [word.toLowerCase(), phonemes] as const;
  });
  return new Map(entries);
}

/** The text with every listed word replaced by its phonemes: "empat belas" → "[[@mp'at]] [[b@l'as]]". */
export function forVoice(text: string, pronunciations: Pronunciations): string {
  if (pronunciations.size === 0) return text;
  const words = [...pronunciations.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const suffixes = Object.keys(SUFFIXES).join('|');
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}\\[])(${words.map(escapeRegExp).join('|')})(${suffixes})?(?![\\p{L}\\p{N}\\]])`,
    'giu',
  );
  return text.replace(pattern, (all, word: string, suffix?: string) => {
    const phonemes = pronunciations.get(word.toLowerCase());
    if (!phonemes) return all;
    return `[[${phonemes}${suffix ? (SUFFIXES[suffix.toLowerCase()] ?? '') : ''}]]`;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
