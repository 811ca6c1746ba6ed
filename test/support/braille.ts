// Braille test helpers: the table YAML cases, whether Debian's liblouis is installed,
// and every print block of the sample content and fixtures (the engines' test corpus).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { outlinesFor } from '../../src/outline/build-outline.js';
import { printBlocks, printOptions } from '../../src/render/braille/print-blocks.js';
import { CORPUS, CORPUS_SOURCES } from './corpus.js';
import { check, FIXTURES, REPO, testSite, testTemplates } from './fixtures.js';

export const TABLE = 'id-id-g1.utb';
export const TABLE_YAML = join(FIXTURES, 'braille', 'id-id-g1.yaml');
/** Back-translation cases (braille → print), liblouis YAML with `testmode: backward`. */
export const TABLE_BACKWARD_YAML = join(FIXTURES, 'braille', 'id-id-g1-backward.yaml');

export function tableCases(path = TABLE_YAML): [string, string][] {
  return (parse(readFileSync(path, 'utf8')) as { tests: [string, string][] }).tests;
}

export const NATIVE_INSTALLED = spawnSync('lou_translate', ['--version']).status === 0;

/** Every procedure of content/ and of the golden fixtures, checked against the test site. */
export async function corpusProcedures() {
  const documents: Record<string, string> = {};
  for (const lang of ['id', 'jv']) {
    for (const name of readdirSync(join(REPO, 'content', lang))) {
      documents[`${lang}/${name}`] = readFileSync(join(REPO, 'content', lang, name), 'utf8');
    }
  }
  for (const name of readdirSync(join(FIXTURES, 'golden'))) {
    const [lang, ...slug] = name.split('-');
    documents[`${lang}/fixture-${slug.join('-')}.md`] = readFileSync(
      join(FIXTURES, 'golden', name, 'input.md'),
      'utf8',
    );
  }
  // The shared golden corpus: every block and inline type of the outline.
  for (const source of CORPUS_SOURCES) {
    documents[source.replace('/', '/corpus-')] = readFileSync(join(CORPUS, source), 'utf8');
  }
  const checked = await check(documents);
  return checked.flatMap((doc) => (doc.procedure ? [doc.procedure] : []));
}

/** Print texts per procedure, one per block (`fixtures: false` for the sample content only). */
export async function corpusDocuments({ fixtures = true } = {}): Promise<string[][]> {
  const { site } = await testSite();
  const words = (await testTemplates()).words;
  const procedures = (await corpusProcedures()).filter(
    (procedure) => fixtures || !/^(fixture|corpus)-/.test(procedure.slug),
  );
  if (!site) throw new Error('test site missing');
  const outline = outlinesFor(site, words);
  return procedures.map((procedure) => {
    const languageWords = words.get(procedure.lang) ?? words.get('id');
    if (!languageWords) throw new Error(`no test words for ${procedure.lang}`);
    return printBlocks(outline(procedure), printOptions(languageWords)).map((block) => block.text);
  });
}

/** Print texts of the whole corpus, one per block. */
export async function corpusTexts(): Promise<string[]> {
  return (await corpusDocuments()).flat();
}
