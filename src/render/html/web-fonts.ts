// The web fonts pelita.css names, copied from their npm packages (@fontsource, OFL) into
// assets/fonts/. The stylesheet is the one list: every `url("fonts/<file>")` in it is shipped.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Artifact } from '../types.js';

const require = createRequire(import.meta.url);

/** Font packages, by the start of their file names. */
const PACKAGES = ['atkinson-hyperlegible-next', 'noto-sans-javanese'];

export function webFontArtifacts(css: string): Artifact[] {
  const files = [...new Set([...css.matchAll(/url\("fonts\/([^"]+)"\)/g)].map((match) => match[1] ?? ''))].sort();
  return files.map((file) => {
    const name = PACKAGES.find((candidate) => file.startsWith(`${candidate}-`));
    if (!name) throw new Error(`pelita.css names a font file of no known package: ${file}`);
    const dir = dirname(require.resolve(`@fontsource/${name}/package.json`));
    return { path: `assets/fonts/${file}`, data: new Uint8Array(readFileSync(join(dir, 'files', file))) };
  });
}
