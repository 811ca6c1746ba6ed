// Splits the script's paragraphs into sentences as the writer wrote them, BEFORE
// normalisation: each sentence is then normalised on its own, so the spoken and the written
// sentences correspond one to one (captions, the talking book's highlighting). A sentence
// ends at ".", "!" or "?" (with any closing quote or bracket) before a space and a capital,
// a digit, an opening quote or bracket; not after an abbreviation with a full stop
// (lexicon.yaml's "Jl.", "No.", "mis." and the titles below), an initial ("A.") or a degree
// ("S.Kom.", "A.Md."; a web address ending a sentence does end it), and never inside a phrase marked in another language.
import type { Lexicon } from './normalise/speech-language.js';

/** Abbreviations with a full stop that are usually followed by a name or number, not a new sentence. */
const TITLES = [
  'Bpk.',
  'Bp.',
  'Dr.',
  'dr.',
  'Drs.',
  'Dra.',
  'H.',
  'Hj.',
  'Ibu.',
  'Ir.',
  'Jend.',
  'Kec.',
  'Kel.',
  'Kol.',
  'Prof.',
  'Sdr.',
  'Sdri.',
  'St.',
  'Tel.',
  'Telp.',
  'Tgl.',
  'tgl.',
  'Yth.',
  'yth.',
  'Hal.',
  'hal.',
  'Ps.',
  'Nomor.',
];

// End mark, closing quotes/brackets, then space(s); what follows must open a sentence.
const BOUNDARY = /([.!?]+["'”’)\]]*)(\s+)(?=["'“‘([\p{Lu}\p{N}\uE000])/gu;

/** A degree or title with dots inside: S.Kom., A.Md., S.H., M.Si. (a lower-case address is not one). */
const DEGREE = /^\p{Lu}\p{Ll}{0,3}\.(?:\p{Lu}\p{Ll}{0,3}\.)+$/u;

export function splitSentences(text: string, lexicon: Lexicon): string[] {
  const abbreviations = new Set([...TITLES, ...[...lexicon.keys()].filter((key) => key.endsWith('.'))]);
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + (match[1]?.length ?? 0);
    const before = text.slice(start, end);
    if (insidePhrase(before)) continue;
    if ((match[1] ?? '').startsWith('.') && !/[!?]/.test(match[1] ?? '')) {
      const word = /(\S+)$/.exec(text.slice(start, match.index + 1))?.[1] ?? '';
      const bare = word.replace(/^.*\uE001/u, '').replace(/^["'“‘([]+/u, '');
      if (abbreviations.has(bare) || /^\p{L}\.$/u.test(bare) || DEGREE.test(bare)) continue;
    }
    sentences.push(before.trim());
    start = end + (match[2]?.length ?? 0);
  }
  sentences.push(text.slice(start).trim());
  return sentences.filter(Boolean);
}

/** Whether a phrase mark opened in the text is still open at its end. */
function insidePhrase(text: string): boolean {
  const opened = text.split('\uE000').length - 1;
  const closed = text.split('\uE002').length - 1;
  return opened > closed;
}
