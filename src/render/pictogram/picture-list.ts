// The web page's picture list: the sheet's plan as plain data for a template — each
// requirement and step with its picture files and its whole text, grouped as on the
// sheet (conditions, what to bring, steps). The text stays real HTML text beside the
// picture, so it reflows and reads at any width; the A4 sheet is a download.
import type { Words } from '../../i18n/words.js';
import type { Outline } from '../../outline/types.js';
import { type Artifact, procedureDir } from '../types.js';
import type { Lexicon } from './lexicon.js';
import { pictureFile } from './picture-files.js';
import { type PlannedItem, planOutline } from './plan.js';

export interface PictureListView {
  groups: { id: string; title: string; ordered: boolean; items: PictureListItem[] }[];
  /** The A4 sheet, to print. */
  sheet: { href: string; label: string };
}

interface PictureListItem {
  number: number;
  text: string;
  details: { text: string; indent: number }[];
  pictures: { src: string }[];
  branch: boolean;
}

/** Undefined when the pictogram renderer made no sheet for the procedure. */
export function pictureListView(
  outline: Outline,
  earlier: readonly Artifact[],
  words: Words,
  files: string,
  lexicon: Lexicon,
): PictureListView | undefined {
  const dir = procedureDir(outline);
  const made = new Set(earlier.map((artifact) => artifact.path));
  if (!made.has(`${dir}/pictograms.svg`)) return undefined;
  const plan = planOutline(outline, lexicon);
  const item = (entry: PlannedItem): PictureListItem => ({
    number: entry.number,
    text: entry.text,
    details: entry.details,
    // Only pictures whose file is there: a page never points at a missing image.
    pictures: entry.pictures
      .map((picture) => pictureFile(picture))
      .filter((path) => made.has(`${dir}/${path}`))
      .map((path) => ({ src: `${files}${path}` })),
    branch: entry.branch,
  });
  const { terms } = words;
  const groups = [
    {
      id: 'conditions',
      title: terms.pictogram_conditions,
      ordered: false,
      items: plan.requirements.filter((e) => e.condition),
    },
    { id: 'bring', title: terms.pictogram_bring, ordered: false, items: plan.requirements.filter((e) => !e.condition) },
    { id: 'steps', title: terms.pictogram_steps, ordered: true, items: plan.steps },
  ]
    .filter((group) => group.items.length > 0)
    .map((group) => ({ ...group, items: group.items.map(item) }));
  return { groups, sheet: { href: `${files}pictograms.pdf`, label: terms.pictogram_download } };
}
