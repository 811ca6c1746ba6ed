// The lexicon (templates/pictograms/lexicon.yaml), read once per thread, apart from the
// drawings and fonts of resources.ts: the HTML page, the catalog and the search index match
// words against it without loading the font engine. Its data is kept between builds as
// JSON (parse/yaml-cache.ts): a cold YAML parse of it costs a build about a tenth of a second.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { yamlData } from '../../parse/yaml-cache.js';
import { type Lexicon, readLexicon } from './lexicon.js';

const LEXICON = fileURLToPath(new URL('../../../templates/pictograms/lexicon.yaml', import.meta.url));

let lexicon: Lexicon | undefined;
export function loadLexicon(): Lexicon {
  if (!lexicon) {
    const parsed = yamlData(readFileSync(LEXICON, 'utf8'));
    if (!parsed.ok) throw new Error(`${LEXICON}: ${parsed.error.message}`);
    lexicon = readLexicon(parsed.data);
  }
  return lexicon;
}
