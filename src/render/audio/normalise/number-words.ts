// Numbers as words, driven by each language's number words (templates/speech/<lang>.yaml).
// Written here rather than taken from npm: the Indonesian packages checked
// (@develoka/angka-terbilang-js, terbilang-ts) say "milyar" for miliar or mishandle
// decimals, and none knows Javanese; one data-driven speller serves both languages.
import type { NumberWords } from './speech-language.js';

/** A whole number (0 ≤ n < 10^15) in words: 1500000 → satu juta lima ratus ribu. */
export function spellInteger(n: number, words: NumberWords): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`cannot spell ${n}`);
  if (n === 0) return words.units[0] as string;
  return spellPositive(n, words);
}

function spellPositive(n: number, words: NumberWords): string {
  const scales = [...words.scales].sort((a, b) => b.value - a.value);
  for (const scale of scales) {
    if (n < scale.value) continue;
    const count = Math.floor(n / scale.value);
    const rest = n % scale.value;
    const head = count === 1 ? scale.one : fill(scale.many, 'n', multiplier(count, words));
    return rest === 0 ? head : `${head} ${spellPositive(rest, words)}`;
  }
  if (n >= 100) {
    const count = Math.floor(n / 100);
    const rest = n % 100;
    const head = count === 1 ? words.hundred.one : fill(words.hundred.many, 'n', multiplier(count, words));
    return rest === 0 ? head : `${head} ${spellBelowHundred(rest, words)}`;
  }
  return spellBelowHundred(n, words);
}

function spellBelowHundred(n: number, words: NumberWords): string {
  const exception = words.exceptions[n];
  if (exception) return exception;
  if (n < 10) return words.units[n] as string;
  if (n < 20) return fill(words.teens, 'unit', words.units[n - 10] as string);
  const tens = Math.floor(n / 10);
  const whole = words.exceptions[tens * 10] ?? fill(words.tens, 'unit', link(tens, words));
  return n % 10 === 0 ? whole : `${whole} ${words.units[n % 10]}`;
}

/** The number said before a multiplier word (ratus, ribu): the linking form below ten. */
function multiplier(count: number, words: NumberWords): string {
  return count < 10 ? link(count, words) : spellPositive(count, words);
}

function link(unit: number, words: NumberWords): string {
  return words.linking[unit] ?? (words.units[unit] as string);
}

/** Digit by digit: 0812 → nol delapan satu dua. */
export function spellDigits(digits: string, words: NumberWords): string {
  return [...digits]
    .filter((char) => char >= '0' && char <= '9')
    .map((digit) => words.units[Number(digit)])
    .join(' ');
}

/**
 * A number written the Indonesian way (`.` groups thousands, `,` is the decimal sign):
 * 1.500.000 → satu juta lima ratus ribu; 2,5 → dua koma lima; 0,75 → nol koma tujuh lima.
 */
export function spellNumber(written: string, words: NumberWords, decimalWord: string): string {
  const [whole = '0', fraction] = written.split(',');
  const integer = spellInteger(Number(whole.replaceAll('.', '')), words);
  return fraction ? `${integer} ${decimalWord} ${spellDigits(fraction, words)}` : integer;
}

/** 1 → pertama, 3 → ketiga (Javanese: kapisan, kaping tiga). */
export function spellOrdinal(n: number, words: NumberWords): string {
  return n === 1 ? words.ordinal.one : fill(words.ordinal.many, 'n', spellInteger(n, words));
}

function fill(pattern: string, name: string, value: string): string {
  return pattern.replace(`{${name}}`, value);
}
