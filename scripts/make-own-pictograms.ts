// Draws Pelita's own pictograms (templates/pictograms/own/*.svg) for concepts no open
// set has: money and free of charge, the family card (KK), the photo and calendar
// (their numbers written by the sheet), and the documents of civil-service and civil-
// registry procedures: SK, akta, ijazah, KTP-el, a signed statement, a doctor's letter. Letters
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

/** A banknote with "Rp": the sheet writes the sum from the text in its middle (or none). */
const banknote = (fill: string, inside: string) =>
  `<rect x="4" y="18" width="64" height="36" rx="3" fill="${fill}"/><rect x="9" y="23" width="54" height="26" rx="2" fill="#fff"/>` +
  inside +
  `<rect x="4" y="18" width="64" height="36" rx="3" ${LINE}/><rect x="9" y="23" width="54" height="26" rx="2" fill="none" stroke="#000" stroke-width="1"/>`;

/** A portrait page with a folded corner. */
const page = `<path d="M16 8h30l10 10v46H16z" fill="#fff"/><path d="M46 8v10h10" fill="#d0cfce"/>`;
const pageLine = `<path d="M16 8h30l10 10v46H16z" ${LINE}/><path d="M46 8v10h10" ${LINE}/>`;
const lines = (ys: number[], x1 = 22, x2 = 50) => `<path d="${ys.map((y) => `M${x1} ${y}H${x2}`).join('')}" ${LINE}/>`;
/** A round seal with two ribbons: an official decision or certificate. */
const seal = (cx: number, cy: number) =>
  `<path d="M${cx - 5} ${cy + 3}l-3 10 5-2 3 4 2-11M${cx + 5} ${cy + 3}l3 10-5-2-3 4-2-11" fill="#ea5a47" stroke="#000" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>` +
  `<circle cx="${cx}" cy="${cy}" r="7" fill="#fcea2b" stroke="#000" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`;

const files: Record<string, string> = {
  money: svg('Uang (Rp); jumlahnya ditulis di atasnya oleh lembar', banknote('#b1cc33', letters('Rp', 18, 32, 8))),
  // The word on the note: nothing to pay, readable in Indonesian and Javanese alike.
  free: svg('Gratis (tanpa biaya)', banknote('#b1cc33', letters('GRATIS', 36, 41, 12))),
  kk: svg(
    'Kartu Keluarga (KK)',
    `<rect x="8" y="12" width="56" height="48" rx="2" fill="#92d3f5"/>` +
      `<rect x="8" y="12" width="56" height="48" rx="2" ${LINE}/>` +
      letters('KK', 36, 29, 13) +
      // three people: the family
      `<g fill="#fcea2b" stroke="#000" stroke-width="2"><circle cx="22" cy="39" r="4"/><circle cx="50" cy="39" r="4"/><circle cx="36" cy="43" r="3"/></g>` +
      `<path d="M15 55c0-5 3-8 7-8s7 3 7 8M43 55c0-5 3-8 7-8s7 3 7 8M31 55c0-4 2-6 5-6s5 2 5 6" ${LINE}/>`,
  ),
  // No size of its own: the sheet writes the item's (4×6, 3×4) under it.
  photo: svg(
    'Pasfoto (ukurannya ditulis di bawahnya oleh lembar)',
    `<rect x="18" y="8" width="36" height="48" fill="#d22f27"/>` +
      `<circle cx="36" cy="26" r="8" fill="#fcea2b"/><path d="M22 56c0-10 6-16 14-16s14 6 14 16z" fill="#fff"/>` +
      `<rect x="18" y="8" width="36" height="48" ${LINE}/><circle cx="36" cy="26" r="8" ${LINE}/><path d="M22 56c0-10 6-16 14-16s14 6 14 16" ${LINE}/>`,
  ),
  // No number of its own: the sheet writes the duration's days on it.
  calendar: svg(
    'Kalender (jumlah hari ditulis di atasnya oleh lembar)',
    `<rect x="10" y="14" width="52" height="50" rx="3" fill="#fff"/><path d="M13 14h46a3 3 0 0 1 3 3v11H10V17a3 3 0 0 1 3-3z" fill="#ea5a47"/>` +
      `<rect x="10" y="14" width="52" height="50" rx="3" ${LINE}/><path d="M10 28H62" fill="none" stroke="#000" stroke-width="2"/>` +
      `<path d="M23 8v11M49 8v11" fill="none" stroke="#000" stroke-width="3" stroke-linecap="round"/>`,
  ),
  sk: svg(
    'Surat Keputusan (SK)',
    page + letters('SK', 31, 25, 14) + lines([32, 38]) + lines([44], 22, 36) + seal(46, 48) + pageLine,
  ),
  akta: svg(
    'Akta (catatan sipil)',
    `<rect x="6" y="14" width="60" height="44" rx="2" fill="#fff"/><rect x="10" y="18" width="52" height="36" fill="none" stroke="#92d3f5" stroke-width="3"/>` +
      letters('AKTA', 36, 32, 11) +
      `<path d="M16 39H44M16 45H38" ${LINE}/><circle cx="53" cy="45" r="5" fill="#92d3f5" stroke="#000" stroke-width="2"/>` +
      `<rect x="6" y="14" width="60" height="44" rx="2" ${LINE}/>`,
  ),
  ijazah: svg(
    'Ijazah',
    `<rect x="10" y="30" width="52" height="30" rx="2" fill="#fff"/><path d="M16 40H46M16 47H40" ${LINE}/>` +
      seal(52, 46) +
      `<rect x="10" y="30" width="52" height="30" rx="2" ${LINE}/>` +
      // the graduation cap
      `<path d="M36 8L12 17l24 9 24-9z" fill="#3f3f3f" stroke="#000" stroke-width="2" stroke-linejoin="round"/>` +
      `<path d="M24 21v6c0 3 6 5 12 5s12-2 12-5v-6" fill="#3f3f3f" stroke="#000" stroke-width="2" stroke-linejoin="round"/>` +
      `<path d="M56 18v8" fill="none" stroke="#fcea2b" stroke-width="2" stroke-linecap="round"/>`,
  ),
  // A signature over a duty stamp (meterai): a signed statement.
  statement: svg(
    'Surat pernyataan bermeterai',
    page +
      lines([16, 22], 22, 42) +
      lines([28, 34]) +
      `<rect x="22" y="42" width="14" height="12" fill="#f4aa41" stroke="#000" stroke-width="1.2" stroke-dasharray="1.5 1"/>` +
      `<path d="M24 52c3-7 6-7 6 0s4-6 6-2 5 1 8-3" fill="none" stroke="#1e50a0" stroke-width="2" stroke-linecap="round"/>` +
      lines([58], 22, 50) +
      pageLine,
  ),
  // The red cross of health on a letter: a doctor's certificate.
  'doctor-letter': svg(
    'Surat keterangan dokter',
    page +
      `<path d="M27 14h6v6h6v6h-6v6h-6v-6h-6v-6h6z" fill="#ea5a47" stroke="#000" stroke-width="1.5" stroke-linejoin="round"/>` +
      lines([40, 46, 52]) +
      lines([58], 22, 38) +
      pageLine,
  ),
  // The electronic identity card: photo, letters and chip.
  ktp: svg(
    'KTP elektronik',
    `<rect x="6" y="16" width="60" height="40" rx="3" fill="#92d3f5"/><rect x="12" y="28" width="16" height="20" fill="#fff"/>` +
      `<circle cx="20" cy="35" r="3.5" fill="#fcea2b"/><path d="M14 47c0-5 3-7 6-7s6 2 6 7" fill="#fcea2b"/>` +
      letters('KTP', 36, 26, 9) +
      `<path d="M34 34H58M34 40H54M34 46H50" ${LINE}/>` +
      `<rect x="12" y="28" width="16" height="20" fill="none" stroke="#000" stroke-width="1.5"/><circle cx="20" cy="35" r="3.5" fill="none" stroke="#000" stroke-width="1.5"/>` +
      `<path d="M14 47c0-5 3-7 6-7s6 2 6 7" fill="none" stroke="#000" stroke-width="1.5"/>` +
      `<rect x="52" y="44" width="9" height="7" rx="1" fill="#f4aa41" stroke="#000" stroke-width="1.2"/>` +
      `<rect x="6" y="16" width="60" height="40" rx="3" ${LINE}/>`,
  ),
};

for (const [name, text] of Object.entries(files)) writeFileSync(new URL(`${name}.svg`, OUT), text);
console.log(`wrote ${Object.keys(files).length} files to ${OUT.pathname}`);
