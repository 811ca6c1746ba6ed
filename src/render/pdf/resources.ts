// Loads the PDF editions' static resources once: the theme and its fonts from npm.
// The only file-system access of the PDF renderer; everything after this is pure.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { parse } from 'yaml';
import { woffToSfnt } from '../fonts/woff.js';
import type { FontChains } from './fonts.js';
import { fixGlyphCharacters } from './glyph-cache.js';
import { FONT_STYLES, readTheme, type Theme } from './theme.js';

export const THEME_FILE = fileURLToPath(new URL('../../../templates/pdf/theme.yaml', import.meta.url));

export interface PdfResources {
  theme: Theme;
  fonts: FontChains;
}

let loading: Promise<PdfResources> | undefined;

export function loadPdfResources(): Promise<PdfResources> {
  loading ??= readResources(THEME_FILE);
  return loading;
}

export async function readResources(themeFile: string): Promise<PdfResources> {
  const theme = readTheme(parse(await readFile(themeFile, 'utf8')));
  const require = createRequire(import.meta.url);
  const fonts = {} as FontChains;
  for (const style of FONT_STYLES) {
    fonts[style] = await Promise.all(
      theme.fonts[style].map(async (file, index) => ({
        key: `${style}-${index}`,
        // One font per file (never a collection), so the cast is safe.
        font: fixGlyphCharacters(
          fontkit.create(Buffer.from(woffToSfnt(await readFile(resolveFontFile(require, file))))) as fontkit.Font,
        ),
      })),
    );
  }
  return { theme, fonts };
}

/**
 * `@scope/package/files/x.woff` → its path. @fontsource packages export only CSS, so the
 * file is found beside the package's main entry.
 */
function resolveFontFile(require: NodeRequire, file: string): string {
  const parts = file.split('/');
  const packageLength = file.startsWith('@') ? 2 : 1;
  const main = require.resolve(parts.slice(0, packageLength).join('/'));
  return join(dirname(main), ...parts.slice(packageLength));
}
