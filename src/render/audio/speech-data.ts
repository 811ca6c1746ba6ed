// Loads the audio edition's data from templates/speech/ once: per-language number words
// and voices, and the abbreviation lexicon. The transforming code stays pure.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { type Pronunciations, readPronunciations } from './normalise/pronunciation.js';
import { type Lexicon, readLexicon } from './normalise/speech-language.js';

export const SPEECH_DIR = fileURLToPath(new URL('../../../templates/speech/', import.meta.url));

export interface SpeechData {
  /** Parsed templates/speech/<lang>.yaml, by language. */
  languages: ReadonlyMap<string, unknown>;
  lexicon: Lexicon;
  /** templates/speech/phonemes/<voice>.yaml: words the voice says wrongly, by voice name. */
  pronunciations: ReadonlyMap<string, Pronunciations>;
}

let loading: Promise<SpeechData> | undefined;

export function loadSpeechData(dir = SPEECH_DIR): Promise<SpeechData> {
  if (dir !== SPEECH_DIR) return readSpeechData(dir);
  loading ??= readSpeechData(dir);
  return loading;
}

async function readSpeechData(dir: string): Promise<SpeechData> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.yaml') && name !== 'lexicon.yaml').sort();
  const languages = new Map<string, unknown>();
  for (const name of names)
    languages.set(name.slice(0, -'.yaml'.length), parse(await readFile(join(dir, name), 'utf8')));
  const lexicon = readLexicon(parse(await readFile(join(dir, 'lexicon.yaml'), 'utf8')));
  const pronunciations = new Map<string, Pronunciations>();
  const phonemeDir = join(dir, 'phonemes');
  const phonemeFiles = (await readdir(phonemeDir).catch(() => [] as string[])).filter((name) => name.endsWith('.yaml'));
  for (const name of phonemeFiles.sort()) {
    const where = `templates/speech/phonemes/${name}`;
    const data = parse(await readFile(join(phonemeDir, name), 'utf8'));
    pronunciations.set(name.slice(0, -'.yaml'.length), readPronunciations(data, where));
  }
  return { languages, lexicon, pronunciations };
}
