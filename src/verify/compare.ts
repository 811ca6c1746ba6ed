// How two texts are compared: the same words and numbers in the same order, whatever
// the white space, quotes, dashes, brackets, letter case and decorative emoji an edition uses.
// Digits are kept exactly, so a number that changed is always a difference.

/** The comparable form of a text. */
export function comparable(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      // Quotes and dashes of every kind; a hyphen at a line end is one of them.
      .replace(/[\u0022\u0027\u0060\u00b4\u2018-\u201f\u2032\u2033\u00ab\u00bb]/g, '')
      .replace(/[\u002d\u00ad\u2010-\u2015\u2212\u2e3a\u2e3b]/g, '')
      // Braille writes an opening and a closing bracket with one sign, so it reads back as one.
      .replace(/[()[\]{}]/g, '(')
      // Emoji are decoration in these texts (the Braille edition leaves them out).
      .replace(/\p{Extended_Pictographic}|\u200d|\ufe0e|\ufe0f/gu, '')
      .replace(/[\s\u2800\p{Cf}]+/gu, '')
      // A text may end in punctuation the edition writes differently ("…;" read as "….").
      .replace(/[.,;:!?…]+$/u, '')
  );
}

/** The expected texts that an edition's text lacks; `form` says how each reads in that edition. */
export function missingFrom<T>(edition: string, expected: readonly T[], form: (item: T) => string): T[] {
  const haystack = comparable(edition);
  return expected.filter((item) => {
    const needle = comparable(form(item));
    return needle !== '' && !haystack.includes(needle);
  });
}
