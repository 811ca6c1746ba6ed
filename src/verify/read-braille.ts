// The braille of a PEF file as rows of cells, read with an XML parser. The page-number
// row and, after the first page, the running-head row are left out, as a reader skips them.
// A row that ends in the continuation sign (dot 5: an address goes on) is joined to the
// next row without the sign, as a reader reads the address whole.
import { XMLParser } from 'fast-xml-parser';
import { CONTINUATION } from '../render/braille/continuation.js';
import type { Geometry } from '../render/braille/paginate.js';

const parser = new XMLParser({
  isArray: (name) => ['volume', 'section', 'page', 'row'].includes(name),
  trimValues: false,
});

interface Pef {
  pef?: { body?: { volume?: { section?: { page?: { row?: (string | object)[] }[] }[] }[] } };
}

export function pefBodyRows(pef: string, geometry: Pick<Geometry, 'pageNumber'>): string[] {
  const document = parser.parse(pef) as Pef;
  const pages = (document.pef?.body?.volume ?? []).flatMap((volume) =>
    (volume.section ?? []).flatMap((section) => section.page ?? []),
  );
  const body = pages.flatMap((page, index) => {
    const rows = (page.row ?? []).map((row) => (typeof row === 'string' ? row : ''));
    if (geometry.pageNumber === 'top') rows.shift();
    else {
      rows.pop();
      if (index > 0) rows.shift();
    }
    return rows.filter((row) => row.replace(/\u2800/g, '').trim() !== '');
  });
  return joinContinued(body);
}

function joinContinued(rows: readonly string[]): string[] {
  const joined: string[] = [];
  let carry = '';
  for (const row of rows) {
    const text = carry ? row.replace(/^\u2800+/, '') : row;
    if (text.endsWith(CONTINUATION)) carry += text.slice(0, -CONTINUATION.length);
    else {
      joined.push(carry + text);
      carry = '';
    }
  }
  if (carry) joined.push(carry);
  return joined;
}
