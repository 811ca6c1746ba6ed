// Braille page numbers in Indonesian braille numerals: the number sign, then a–j.
const NUMBER_SIGN = '⠼';
const DIGITS = '⠚⠁⠃⠉⠙⠑⠋⠛⠓⠊'; // 0 1 2 … 9

export function brailleNumeral(value: number): string {
  return NUMBER_SIGN + [...String(value)].map((digit) => DIGITS[Number(digit)]).join('');
}
