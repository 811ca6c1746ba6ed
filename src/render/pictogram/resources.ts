// Loads the edition's static resources once: the lexicon (templates/pictograms),
// the drawings (OpenMoji and Tabler from npm, Pelita's own from templates/) and the
// caption font (Atkinson Hyperlegible from npm, DejaVu Sans for other signs). Everything else in this folder is pure.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { woffToSfnt } from '../fonts/woff.js';
import { type Drawing, readDrawing } from './drawing.js';
import type { Lexicon } from './lexicon.js';
import type { Face } from './text-paths.js';

const TEMPLATES = fileURLToPath(new URL('../../../templates/pictograms/', import.meta.url));
const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

export { loadLexicon } from './lexicon-file.js';

const drawings = new Map<string, Drawing>();
/** The drawing named `set:name`, read once per thread (the PDF also keeps what it made of it). */
export function loadDrawing(art: string, style: Lexicon['openmojiStyle']): Drawing {
  const key = `${style}/${art}`;
  let drawing = drawings.get(key);
  if (drawing === undefined) {
    drawing = readDrawing(readFileSync(drawingPath(art, style), 'utf8'));
    drawings.set(key, drawing);
  }
  return drawing;
}

function drawingPath(art: string, style: Lexicon['openmojiStyle']): string {
  const [set, name = ''] = art.split(':');
  if (!/^[A-Za-z0-9-]+$/.test(name)) throw new Error(`bad drawing name "${art}"`);
  if (set === 'openmoji') return join(packageDir('openmoji'), style, 'svg', `${name}.svg`);
  if (set === 'tabler') return join(packageDir('@tabler/icons'), 'icons', 'outline', `${name}.svg`);
  if (set === 'own') return join(TEMPLATES, 'own', `${name}.svg`);
  throw new Error(`unknown drawing set in "${art}"`);
}

export interface Faces {
  bold: Face;
  regular: Face;
}

let faces: Faces | undefined;
export function loadFaces(): Faces {
  if (!faces) {
    const atkinson = join(packageDir('@fontsource/atkinson-hyperlegible'), 'files');
    const dejavu = join(packageDir('@fontsource/dejavu-sans'), 'files');
    const face = (key: string, weight: number): Face => {
      // DejaVu Sans last: it draws the signs Atkinson Hyperlegible lacks (≤, →, ✍ …).
      const paths = [
        join(atkinson, `atkinson-hyperlegible-latin-${weight}-normal.woff`),
        join(atkinson, `atkinson-hyperlegible-latin-ext-${weight}-normal.woff`),
        join(dejavu, `dejavu-sans-latin-${weight}-normal.woff`),
      ];
      const buffers = paths.map((path) => Buffer.from(woffToSfnt(readFileSync(path))));
      const fonts = buffers.map((buffer) => {
        const loaded = fontkit.create(buffer);
        if (!('layout' in loaded)) throw new Error('expected a single font, not a collection');
        return loaded;
      });
      return { key, fonts };
    };
    faces = { bold: face('b', 700), regular: face('r', 400) };
  }
  return faces;
}
