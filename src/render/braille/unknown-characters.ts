// Print the braille table has no sign for, made into braille a reader can use
// (templates/braille/characters.yaml): a few signs as words, a run of text in another
// script as one short transcriber's note ("[teks dalam aksara Jawa]"), emoji and any
// other unknown character dropped; a character whose compatibility form the table knows
// ("²", "ﬁ", full-width digits) is written in that form. Never a placeholder cell.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { BRAILLE_TEMPLATES_DIR } from './tables.js';

export interface CharacterRules {
  /** A sign written as words ("≥" → "lebih dari atau sama dengan"). */
  words: Record<string, string>;
  /** The transcriber's note for another script, with `{script}`. */
  note: string;
  /** Unicode script name → its name in the note; `default` for the rest. */
  scripts: Record<string, string>;
}

export interface Replaced {
  text: string;
  /** Emoji and pictographs dropped, each once, in order of appearance. */
  emoji: string[];
  /** Names of the scripts replaced by a note, each once. */
  scripts: string[];
  /** Other characters without a sign, dropped, each once. */
  unknown: string[];
  /** Signs written as words, each once. */
  words: string[];
  /** Characters written in their compatibility form (NFKC: "²" as "2", "ﬁ" as "fi"), each once. */
  compatible: string[];
}

let rules: Record<string, CharacterRules> | undefined;

/** The rules for a language (Indonesian's when the language has none). */
export function characterRules(lang: string): CharacterRules {
  rules ??= parse(readFileSync(`${BRAILLE_TEMPLATES_DIR}characters.yaml`, 'utf8')) as Record<string, CharacterRules>;
  const found = rules[lang] ?? rules.id;
  if (!found) throw new Error('templates/braille/characters.yaml has no rules for "id"');
  return found;
}

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
/** Letters, marks and digits outside the Latin script: text in another writing system. */
const OTHER_SCRIPT = /^(?![\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}])[\p{L}\p{M}\p{N}]/u;

function scriptOf(segment: string, names: Record<string, string>): string {
  for (const script of Object.keys(names)) {
    if (script !== 'default' && new RegExp(`^\\p{Script=${script}}`, 'u').test(segment)) return script;
  }
  return 'default';
}

export function replaceUnknown(text: string, known: ReadonlySet<string>, rules: CharacterRules): Replaced {
  const result: Replaced = { text: '', emoji: [], scripts: [], unknown: [], words: [], compatible: [] };
  const once = (list: string[], value: string) => {
    if (!list.includes(value)) list.push(value);
  };
  // A run of another script, spaces inside it included, becomes one note.
  let run: { script: string; spaces: string } | undefined;
  const endRun = () => {
    if (!run) return;
    const name = rules.scripts[run.script] ?? rules.scripts.default ?? run.script;
    result.text += rules.note.replace('{script}', name) + run.spaces;
    once(result.scripts, name);
    run = undefined;
  };
  const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(text)) {
    if (OTHER_SCRIPT.test(segment)) {
      const script = scriptOf(segment, rules.scripts);
      if (run && run.script !== script) endRun();
      run ??= { script, spaces: '' };
      run.spaces = '';
      continue;
    }
    if (run && /^\s+$/.test(segment)) {
      run.spaces += segment;
      continue;
    }
    endRun();
    if ([...segment].every((character) => known.has(character))) result.text += segment;
    else if (rules.words[segment]) {
      result.text += ` ${rules.words[segment]} `;
      once(result.words, segment);
    } else if (compatible(segment, known)) {
      // "1 m²" is "1 m2": the form verify compares too (NFKC), so nothing reads as missing.
      result.text += segment.normalize('NFKC');
      once(result.compatible, segment);
    } else if (EMOJI.test(segment)) once(result.emoji, segment);
    else once(result.unknown, segment);
  }
  endRun();
  // Only where something was dropped or replaced: no doubled space, none before a point.
  const changed =
    result.emoji.length +
      result.scripts.length +
      result.unknown.length +
      result.words.length +
      result.compatible.length >
    0;
  if (changed)
    result.text = result.text
      .replace(/\s+/g, ' ')
      .replace(/ (?=[.,;:!?)])/g, '')
      .trim();
  else result.text = text;
  return result;
}

/** A character whose compatibility form is other characters the table knows (not emoji, not spaces). */
function compatible(segment: string, known: ReadonlySet<string>): boolean {
  const form = segment.normalize('NFKC');
  return form !== segment && !/\s/.test(form) && [...form].every((character) => known.has(character));
}

/** `"😀" (U+1F600)` for a warning a person can act on. */
export function describe(segment: string): string {
  const codes = [...segment].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
  return `"${segment}" (${codes.join(' ')})`;
}
