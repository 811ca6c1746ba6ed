// The number a picture carries, taken from the text it stands for: a photo shows the
// item's own size, a calendar the number of days, money the sum in rupiah. When the text holds no such number, or several (a range,
// two sizes), the picture shows none rather than a wrong one.
import type { NumberSlot } from './lexicon.js';

const SIZE = /(\d+(?:[.,]\d+)?)\s*([×xX])\s*(\d+(?:[.,]\d+)?)/g;
const NUMBER = /\d+(?:[.,]\d+)*/g;

export function pictureNumber(
  shows: NumberSlot['shows'],
  text: string,
  dayWords: readonly string[],
): string | undefined {
  if (shows === 'size') return photoSize(text);
  if (shows === 'amount') return amount(text);
  return days(text, dayWords);
}

const RUPIAH = /\bRp\.?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,-|,00)?/gi;

/** `10.000` in "Rp 10.000,00" or "Rp10.000"; none when the text names no sum or several. */
function amount(text: string): string | undefined {
  const sums = new Set([...text.matchAll(RUPIAH)].map((m) => m[1] ?? ''));
  return sums.size === 1 ? [...sums][0] : undefined;
}

/** `4×6` in "Pas foto ukuran 4×6 cm", as written; none when sizes differ. */
function photoSize(text: string): string | undefined {
  const sizes = new Set([...text.matchAll(SIZE)].map((m) => `${m[1]}${m[2] === 'X' ? 'x' : m[2]}${m[3]}`));
  return sizes.size === 1 ? [...sizes][0] : undefined;
}

/** `7` in "7 hari kerja" or "14 (empat belas) hari"; none for "5–7 hari" or "1 bulan". */
function days(text: string, dayWords: readonly string[]): string | undefined {
  const numbers = [...text.matchAll(NUMBER)];
  const only = numbers[0];
  if (numbers.length !== 1 || !only || only.index === undefined) return undefined;
  const after = text.slice(only.index + only[0].length).toLowerCase();
  const words = [...dayWords].sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (words.length === 0) return undefined;
  const dayWord = new RegExp(`^\\s*(?:\\([^)]*\\)\\s*)?(?:${words.join('|')})(?![\\p{L}])`, 'u');
  return dayWord.test(after) ? only[0] : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
