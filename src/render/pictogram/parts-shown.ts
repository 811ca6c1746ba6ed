// What the picture-language sheet shows of the outline, as data: `verify` checks these
// parts in the sheet (the SVG's <title>/<desc>, the PDF's alt text and text), and the
// sheet prints where the rest is (the service's web page, `pictogram_rest`).
// `requirements` and `steps` are the items of those sections' lists, each whole with
// its sub-points; the paragraphs, tables and notes around them are on the web page.
export const PICTOGRAM_SHOWS = ['title', 'notice', 'facts', 'requirements', 'steps'] as const;

export type PictogramPart = (typeof PICTOGRAM_SHOWS)[number];
