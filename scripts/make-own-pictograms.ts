// Draws Pelita's own pictograms (templates/pictograms/own/*.svg) for concepts no open
// set has: "Rp" money, free of charge, the family card (KK) and a 3×4 photo. Letters
// are outlines of the bundled font, so the files need no font. Run after changing:
//   npx tsx scripts/make-own-pictograms.ts
// Style follows OpenMoji: a 72×72 grid, black 2-unit outlines, OpenMoji's palette.
import { writeFileSync } from 'node:fs';
import { loadFaces } from '../src/render/pictogram/resources.js';
import { type GlyphStore, shapeLine } from '../src/render/pictogram/text-paths.js';

const OUT = new URL('../templates/pictograms/own/', import.meta.url);
const LINE = 'fill="none" stroke="#000" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"';

/** Text centred at (cx, baseline) as one path. */
function letters(text: string, cx: number, baseline: number, size: number): string {
  const store: GlyphStore = new Map();
  const line = shapeLine(text, loadFaces().bold, store);
  const x0 = cx - (line.width * size) / 2;
  const parts = line.glyphs.map(
    (glyph) =>
      `<path transform="translate(${round(x0 + glyph.x * size)} ${baseline}) scale(${size})" d="${store.get(glyph.key)}"/>`,
  );
  return `<g fill="#000">${parts.join('')}</g>`;
}

const round = (n: number) => Math.round(n * 100) / 100;

function svg(title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 72 72"><title>${title}</title>${body}</svg>\n`;
}

const banknote = (fill: string) =>
  `<rect x="6" y="19" width="60" height="34" rx="3" fill="${fill}"/><circle cx="36" cy="36" r="12" fill="#fff"/>` +
  `<rect x="6" y="19" width="60" height="34" rx="3" ${LINE}/><circle cx="36" cy="36" r="12" ${LINE}/>`;

const files: Record<string, string> = {
  money: svg('Uang (Rp)', banknote('#b1cc33') + letters('Rp', 36, 41, 14)),
  // "Rp 0" on a plain note: nothing to pay, readable in any language and in black and white.
  free: svg(
    'Gratis (Rp 0)',
    `<rect x="4" y="18" width="64" height="36" rx="3" fill="#fff"/><rect x="4" y="18" width="64" height="36" rx="3" ${LINE}/>` +
      `<rect x="9" y="23" width="54" height="26" rx="2" fill="none" stroke="#000" stroke-width="1"/>` +
      letters('Rp 0', 36, 43, 17),
  ),
  kk: svg(
    'Kartu Keluarga (KK)',
    `<rect x="8" y="12" width="56" height="48" rx="2" fill="#92d3f5"/>` +
      `<rect x="8" y="12" width="56" height="48" rx="2" ${LINE}/>` +
      letters('KK', 36, 29, 13) +
      // three people: the family
      `<g fill="#fcea2b" stroke="#000" stroke-width="2"><circle cx="22" cy="39" r="4"/><circle cx="50" cy="39" r="4"/><circle cx="36" cy="43" r="3"/></g>` +
      `<path d="M15 55c0-5 3-8 7-8s7 3 7 8M43 55c0-5 3-8 7-8s7 3 7 8M31 55c0-4 2-6 5-6s5 2 5 6" ${LINE}/>`,
  ),
  photo: svg(
    'Pasfoto 3×4',
    `<rect x="18" y="8" width="36" height="48" fill="#d22f27"/>` +
      `<circle cx="36" cy="26" r="8" fill="#fcea2b"/><path d="M22 56c0-10 6-16 14-16s14 6 14 16z" fill="#fff"/>` +
      `<rect x="18" y="8" width="36" height="48" ${LINE}/><circle cx="36" cy="26" r="8" ${LINE}/><path d="M22 56c0-10 6-16 14-16s14 6 14 16" ${LINE}/>` +
      letters('3×4', 36, 68, 11),
  ),
};

for (const [name, text] of Object.entries(files)) writeFileSync(new URL(`${name}.svg`, OUT), text);
console.log(`wrote ${Object.keys(files).length} files to ${OUT.pathname}`);
