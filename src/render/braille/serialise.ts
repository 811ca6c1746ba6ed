// Pages of Unicode braille → the three files: BRF for embossers, PEF 1.0, a text proof.
import { createHash } from 'node:crypto';
import { escapeXml } from '../escape-xml.js';
import type { Geometry, Page } from './paginate.js';

/**
 * North American ASCII braille: the character for each 6-dot cell, indexed by the
 * cell's dot bits (dot 1 = bit 0 … dot 6 = bit 5), as in liblouis's en-us-brf.dis.
 */
const ASCII_BRAILLE = ' A1B\'K2L@CIF/MSP"E3H9O6R^DJG>NTQ,*5<-U8V.%[$+X!&;:4\\0Z7(_?W]#Y)=';

export function toAsciiBraille(cells: string): string {
  let text = '';
  for (const cell of cells) {
    const bits = (cell.codePointAt(0) ?? 0x2800) - 0x2800;
    // Dots 7 and 8 have no ASCII braille character; the 6-dot tables never make them.
    text += ASCII_BRAILLE[bits & 0x3f] ?? ' ';
  }
  return text;
}

/**
 * BRF as embossers and their software (Duxbury, BrailleBlaster, Index, ViewPlus) read it:
 * one ASCII line per braille line ending in CR LF, a form feed between pages (each page
 * keeps its own lines; none is padded to the page length), and a CR LF after the last line.
 */
export function toBrf(pages: readonly Page[]): string {
  return pages.map((page) => page.lines.map((line) => `${toAsciiBraille(line)}\r\n`).join('')).join('\f');
}

/** Unicode braille proof: pages in order, each after a line `--- N ---` (N in print digits). */
export function toProofText(pages: readonly Page[]): string {
  const text = pages.map((page, index) => [`--- ${index + 1} ---`, ...page.lines].join('\n')).join('\n\n');
  return `${text}\n`;
}

export interface PefMeta {
  title: string;
  lang: string;
  /** ISO date of the last review (`updated`), never the clock. */
  date: string;
  /** Stable name of the document, e.g. `id/cuti-tahunan`. */
  name: string;
}

/** PEF 1.0 (2008-1): one volume, one section, rows of Unicode braille, blank cell U+2800. */
export function toPef(pages: readonly Page[], geometry: Geometry, meta: PefMeta): string {
  const rows = pages.map((page) =>
    [
      '        <page>',
      ...page.lines.map((line) => (line === '' ? '          <row/>' : `          <row>${line}</row>`)),
      '        </page>',
    ].join('\n'),
  );
  const digest = createHash('sha256')
    .update(pages.map((page) => page.lines.join('\n')).join('\f'))
    .digest('hex')
    .slice(0, 16);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<pef version="2008-1" xmlns="http://www.daisy.org/ns/2008/pef">',
    '  <head>',
    '    <meta xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `      <dc:format>application/x-pef+xml</dc:format>`,
    `      <dc:identifier>pelita:${escapeXml(meta.name)}:${digest}</dc:identifier>`,
    `      <dc:title>${escapeXml(meta.title)}</dc:title>`,
    `      <dc:language>${escapeXml(meta.lang)}</dc:language>`,
    `      <dc:date>${escapeXml(meta.date)}</dc:date>`,
    '    </meta>',
    '  </head>',
    '  <body>',
    `    <volume cols="${geometry.cols}" rows="${geometry.rows}" rowgap="0" duplex="false">`,
    '      <section>',
    ...rows,
    '      </section>',
    '    </volume>',
    '  </body>',
    '</pef>',
    '',
  ].join('\n');
}
