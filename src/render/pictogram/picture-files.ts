// One SVG file per picture the sheet shows (with the number it carries), for the web
// page's picture list: there each picture stands beside its item's text as real HTML
// text, readable on a phone, where the A4 sheet would be a few pixels per letter.
import type { SheetInput } from './layout.js';
import type { Picture, Plan } from './plan.js';
import { drawPicture } from './rows.js';
import { pictureToSvg } from './svg.js';
import { TextDrawer } from './text-drawer.js';

const SIZE = 24;

/** The file of a picture, under the procedure's folder: the concept, and its number when it carries one. */
export function pictureFile(picture: Picture): string {
  const number = picture.number?.replace(/[^0-9A-Za-z]+/g, '-');
  return `pictograms/${picture.concept.id}${number ? `-${number}` : ''}.svg`;
}

/** Every distinct picture of the plan (items and facts), each drawn on its own. */
export function pictureFiles(plan: Plan, input: Pick<SheetInput, 'drawing' | 'faces'>): Map<string, string> {
  const text = new TextDrawer();
  const pictures: Picture[] = [
    ...[...plan.requirements, ...plan.steps].flatMap((item) => item.pictures),
    ...plan.facts.flatMap((fact) =>
      fact.concept ? [{ concept: fact.concept, ...(fact.pictureNumber ? { number: fact.pictureNumber } : {}) }] : [],
    ),
  ];
  const files = new Map<string, string>();
  for (const picture of pictures) {
    const path = pictureFile(picture);
    if (files.has(path)) continue;
    const parts = drawPicture(input, picture.concept, picture.number, 0, 0, SIZE, text);
    files.set(path, pictureToSvg(parts, SIZE));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}
