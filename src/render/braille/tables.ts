// Pelita's braille tables and the map from language to table (templates/braille/).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { CAPITALS } from './engine.js';

export const BRAILLE_TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/braille/', import.meta.url));
export const PELITA_TABLES_DIR = `${BRAILLE_TEMPLATES_DIR}tables`;

/** The table for a language, from templates/braille/languages.yaml (`default` when unlisted). */
export function tableFor(lang: string): string {
  const map = languageTables();
  const table = map[lang] ?? map.default;
  if (!table) throw new Error(`templates/braille/languages.yaml names no table for "${lang}" and no default`);
  return table;
}

let languages: Record<string, string> | undefined;
function languageTables(): Record<string, string> {
  languages ??= (
    parse(readFileSync(`${BRAILLE_TEMPLATES_DIR}languages.yaml`, 'utf8')) as { tables: Record<string, string> }
  ).tables;
  return languages;
}

const known = new Map<string, ReadonlySet<string>>();

/** Every character a table defines on its own (letters, digits, signs, spaces). */
export function knownCharacters(table: string): ReadonlySet<string> {
  let set = known.get(table);
  if (!set) {
    const read = (name: string) => readFileSync(`${PELITA_TABLES_DIR}/${name}`, 'utf8');
    set = charactersDefinedIn(`${read(table)}\n${read(CAPITALS.native)}`);
    known.set(table, set);
  }
  return set;
}

const CHARACTER_OPCODES = new Set([
  'space',
  'lowercase',
  'uppercase',
  'letter',
  'digit',
  'punctuation',
  'sign',
  'math',
]);

/** Reads the single-character definitions of a liblouis table (pure, for tests). */
export function charactersDefinedIn(tableText: string): Set<string> {
  const set = new Set<string>();
  for (const line of tableText.split('\n')) {
    const words = line.trim().split(/\s+/);
    // `base uppercase A a` defines A; `noback`/`nofor` prefixes are skipped.
    const [opcode, operand] =
      words[0] === 'base' ? ['uppercase', words[2]] : words.filter((w) => !/^no(back|for)$/.test(w));
    if (!opcode || !operand || !CHARACTER_OPCODES.has(opcode)) continue;
    const character = unescapeOperand(operand);
    if ([...character].length === 1) set.add(character);
  }
  return set;
}

function unescapeOperand(operand: string): string {
  return operand
    .replace(/\\x([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\\s/g, ' ')
    .replace(/\\t/g, '\t')
    .replace(/\\\\/g, '\\');
}
