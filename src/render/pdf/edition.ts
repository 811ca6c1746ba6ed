// What a PDF edition says, in the outline's reading order: the office, the title, the
// unit, the summary, the translation notice, the introduction, the facts a citizen looks
// for first (time, cost, product), every section, the footnotes, then the QR code to the
// web page and the date of the last update.
import type { Words } from '../../i18n/words.js';
import type { Outline, Section } from '../../outline/types.js';
import { blocks, bodyStyle, type Entry, heading, list, paragraph, smallStyle } from './blocks.js';
import { noteLabel, plainRuns, type Run } from './inline.js';
import type { Pen, Tag, TextStyle } from './pen.js';
import { qrRects } from './qr.js';

export interface EditionInput {
  outline: Outline;
  /** Words of the outline's language (the QR caption and alt text). */
  words: Words;
}

export function drawEdition(pen: Pen, root: Tag, { outline, words }: EditionInput): void {
  officeHeader(pen, root, outline);

  heading(pen, root, 1, plainRuns(outline.title.text, false, outline.title.position), () => {});
  if (outline.unit) {
    const { label, text, position } = outline.unit;
    paragraph(pen, root, plainRuns(`${label}: ${text}`, false, position), smallStyle(pen));
    pen.space(pen.theme.body * 0.5);
  }
  paragraph(pen, root, plainRuns(outline.summary.text, false, outline.summary.position), bodyStyle(pen, 1.1));
  if (outline.notice) {
    const { text, linkText, originalUrl } = outline.notice;
    pen.space(pen.theme.body * 0.6);
    paragraph(pen, root, [...plainRuns(`${text} ${linkText}: `, true), linkRun(originalUrl, true)], bodyStyle(pen));
  }
  if (outline.introduction.length > 0) {
    pen.space(pen.theme.body * 0.6);
    blocks(column(pen, root), outline.introduction);
  }
  pen.space(pen.theme.body);
  facts(pen, root, outline);

  for (const section of outline.sections) drawSection(pen, root, section);
  notes(pen, root, outline);

  closing(pen, root, outline, words);
}

/** The page's full measure, outside any list. */
function column(pen: Pen, parent: Tag) {
  return { pen, parent, x: pen.left, width: pen.width, depth: 0 };
}

function linkRun(url: string, strong = false): Run {
  return { text: url, strong, emphasis: false, strike: false, link: url };
}

/** The publishing office and how to reach it, first on page one. */
function officeHeader(pen: Pen, root: Tag, { office }: Outline): void {
  const small = smallStyle(pen);
  paragraph(pen, root, plainRuns(office.name, true), { ...small, size: small.size * 1.15, color: pen.colors.accent });
  if (office.contact) paragraph(pen, root, plainRuns(office.contact), small);
  pen.space(small.size * 0.5);
  const y = pen.take(small.size);
  pen.artifact((doc) => doc.rect(pen.left, y, pen.width, 1.5).fill(pen.colors.rule));
}

/** Time, cost and product: side by side on a tinted band (leaflet) or one under another. */
function facts(pen: Pen, root: Tag, outline: Outline): void {
  const entries = outline.facts;
  const labelStyle: TextStyle = { ...smallStyle(pen), strong: true };
  const valueStyle: TextStyle = { ...bodyStyle(pen, 1.25), strong: true };
  if (pen.theme.facts === 'stack') {
    for (const entry of entries) {
      const labelStyleLarge: TextStyle = { ...bodyStyle(pen), color: pen.colors.muted, strong: true };
      const labelLines = pen.lines(plainRuns(entry.label), labelStyleLarge, pen.width - 12);
      const valueLines = pen.lines(plainRuns(entry.value, false, entry.position), valueStyle, pen.width - 12);
      const height = labelLines.length * labelStyleLarge.lineHeight + valueLines.length * valueStyle.lineHeight;
      pen.ensure(height);
      const top = pen.y;
      pen.flowLines(pen.tag(root, 'P'), labelLines, labelStyleLarge, pen.left + 12);
      pen.flowLines(pen.tag(root, 'P'), valueLines, valueStyle, pen.left + 12);
      pen.artifact((doc) => doc.rect(pen.left, top, 4, height).fill(pen.colors.accent));
      pen.space(pen.theme.body * 0.7);
    }
    return;
  }
  const gap = 8;
  const pad = 8;
  const boxWidth = (pen.width - gap * (entries.length - 1)) / entries.length;
  const laid = entries.map((entry) => ({
    label: pen.lines(plainRuns(entry.label), labelStyle, boxWidth - 2 * pad),
    value: pen.lines(plainRuns(entry.value, false, entry.position), valueStyle, boxWidth - 2 * pad),
  }));
  const height =
    2 * pad +
    Math.max(...laid.map((box) => box.label.length * labelStyle.lineHeight + box.value.length * valueStyle.lineHeight));
  pen.ensure(height);
  const top = pen.y;
  laid.forEach((box, index) => {
    const left = pen.left + index * (boxWidth + gap);
    pen.artifact((doc) => doc.rect(left, top, boxWidth, height).fill(pen.colors.band));
    const labelTop = top + pad;
    const valueTop = labelTop + box.label.length * labelStyle.lineHeight;
    pen.drawLines(
      pen.tag(root, 'P'),
      box.label,
      labelStyle,
      left + pad,
      (line) => labelTop + line * labelStyle.lineHeight,
    );
    pen.drawLines(
      pen.tag(root, 'P'),
      box.value,
      valueStyle,
      left + pad,
      (line) => valueTop + line * valueStyle.lineHeight,
    );
  });
  pen.y = top + height;
}

/** A section: its title (H2, in the bookmarks) and all its blocks. */
function drawSection(pen: Pen, root: Tag, section: Section): void {
  titled(pen, root, section.title, (target, parent) => blocks(column(target, parent), section.blocks));
}

/** The footnotes, numbered as their marks in the text, as the last part before the closing. */
function notes(pen: Pen, root: Tag, outline: Outline): void {
  if (outline.notes.length === 0) return;
  const marks = pen.theme.noteMarks;
  // A note's first paragraph stands beside its number, as a list item's own text does.
  const entries: Entry[] = outline.notes.map((note) => {
    const [first, ...rest] = note.blocks;
    return first?.type === 'paragraph'
      ? { node: note, content: first.children, blocks: rest }
      : { node: note, content: [], blocks: note.blocks };
  });
  const labels = outline.notes.map((note) => noteLabel(note.number, marks));
  titled(pen, root, outline.notesTitle, (target, parent) => list(column(target, parent), entries, labels, true));
}

function titled(pen: Pen, root: Tag, title: string, draw: (pen: Pen, parent: Tag) => void): void {
  const sect = pen.tag(root, 'Sect');
  heading(pen, sect, 2, plainRuns(title), (dry) => draw(dry, undefined), title);
  draw(pen, sect);
}

/**
 * The QR code to the web page with its caption beside it, the address printed under it,
 * then the last update. The code's quiet zone reaches into the margin, so its dark
 * modules line up with the text.
 */
function closing(pen: Pen, root: Tag, outline: Outline, { terms }: Words): void {
  const { url, updated } = outline;
  const size = pen.theme.qrSize;
  const rects = qrRects(url, size);
  const quiet = Math.min(...rects.map((rect) => rect.x));
  const visible = size - 2 * quiet;
  const captionX = pen.left + visible + pen.theme.body * 1.2;
  const captionWidth = pen.left + pen.width - captionX;
  const small = smallStyle(pen);
  const body = bodyStyle(pen);
  const captionRuns = plainRuns(terms.qr_caption);
  const urlRuns = [linkRun(url)];
  const updatedRuns = plainRuns(`${updated.label}: ${updated.text}`, false, updated.position);
  const below = (target: Pen, parent: Tag) => {
    target.space(body.size * 0.5);
    paragraph(target, parent, urlRuns, small);
    target.space(body.size * 0.8);
    paragraph(target, parent, updatedRuns, body);
  };
  pen.space(pen.theme.body * 1.5);
  const captionHeight = pen.measure((dry) => paragraph(dry, undefined, captionRuns, body, dry.left, captionWidth));
  const height = Math.max(visible, captionHeight) + pen.measure((dry) => below(dry, undefined));
  pen.ensure(height);
  const top = pen.y;
  pen.artifact((doc) => doc.rect(pen.left, top - pen.theme.body * 0.75, pen.width, 1).fill(pen.colors.rule));
  paragraph(pen, root, captionRuns, body, captionX, captionWidth);
  const qrLeft = pen.left - quiet;
  const qrTop = top - quiet;
  const figure = pen.tag(root, 'Figure', {
    alt: `${terms.qr_code_alt} ${url}`,
    bbox: [qrLeft, qrTop, qrLeft + size, qrTop + size],
    placement: 'Block',
  });
  pen.mark(figure, () => {
    const doc = pen.doc;
    if (!doc) return;
    for (const rect of rects) doc.rect(qrLeft + rect.x, qrTop + rect.y, rect.width, rect.height);
    doc.fill('#000000');
  });
  pen.y = Math.max(pen.y, top + visible);
  below(pen, root);
}
