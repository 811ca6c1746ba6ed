// What a PDF edition says, in reading order: the office, the title, the facts a citizen
// looks for first (time, cost, product), requirements, steps, complaints, legal basis,
// notes, free sections, then the QR code to the web page and the date of the last update.
import type { PhrasingContent } from 'mdast';
import type { Words } from '../../i18n/words.js';
import { formatDate } from '../../i18n/words.js';
import type { Site } from '../../model/site.js';
import type { ListSection, Procedure, Section } from '../../model/types.js';
import { blocks, bodyStyle, heading, itemEntries, list, paragraph, smallStyle } from './blocks.js';
import { phrasingRuns, plainRuns } from './inline.js';
import type { Pen, Tag, TextStyle } from './pen.js';
import { qrRects } from './qr.js';

export interface EditionInput {
  procedure: Procedure;
  site: Site;
  words: Words;
  /** The procedure's web page. */
  url: string;
}

export function drawEdition(pen: Pen, root: Tag, input: EditionInput): void {
  const { procedure, site, words } = input;
  const { terms } = words;
  const { meta, metaPositions } = procedure;
  officeHeader(pen, root, site);

  heading(pen, root, 1, plainRuns(meta.title, false, metaPositions.title), () => {});
  if (meta.unit) {
    paragraph(pen, root, plainRuns(`${terms.unit}: ${meta.unit}`, false, metaPositions.unit), smallStyle(pen));
    pen.space(pen.theme.body * 0.5);
  }
  paragraph(pen, root, plainRuns(meta.summary, false, metaPositions.summary), bodyStyle(pen, 1.1));
  const notice = outdatedNotice(input);
  if (notice) {
    pen.space(pen.theme.body * 0.6);
    paragraph(pen, root, plainRuns(notice, true), bodyStyle(pen));
  }
  if (procedure.introduction.length > 0) {
    pen.space(pen.theme.body * 0.6);
    blocks(pen, root, procedure.introduction);
  }
  pen.space(pen.theme.body);
  facts(pen, root, input);

  listSection(pen, root, terms.requirements, procedure.requirements, false);
  listSection(pen, root, terms.steps, procedure.steps, true);
  section(pen, root, terms.complaints, procedure.complaints, (target, parent) =>
    siteComplaints(target, parent, site.complaints, terms.complaints_default),
  );
  section(pen, root, terms.legal_basis, procedure.legalBasis);
  section(pen, root, terms.notes, procedure.notes);
  for (const free of procedure.freeSections) section(pen, root, free.heading, free);

  closing(pen, root, input);
}

/** On a translation that may not match its original: a polite notice with the original's address. */
function outdatedNotice({ procedure, site, words }: EditionInput): string | undefined {
  const state = procedure.translation;
  if (!state || state.status === 'current') return undefined;
  const original = `${site.url}${state.sourceLang}/${procedure.slug}/index.html`;
  return `${words.terms.translation_outdated_notice} ${words.terms.read_the_original}: ${original}`;
}

/** The publishing office and how to reach it, first on page one. */
function officeHeader(pen: Pen, root: Tag, site: Site): void {
  const small = smallStyle(pen);
  paragraph(pen, root, plainRuns(site.name, true), { ...small, size: small.size * 1.15, color: pen.colors.accent });
  const contact = [site.address, site.phone, site.email].filter(Boolean).join('  ·  ');
  if (contact) paragraph(pen, root, plainRuns(contact), small);
  pen.space(small.size * 0.5);
  const y = pen.take(small.size);
  pen.artifact((doc) => doc.rect(pen.left, y, pen.width, 1.5).fill(pen.colors.rule));
}

/** Time, cost and product: side by side on a tinted band (leaflet) or one under another. */
function facts(pen: Pen, root: Tag, { procedure, words }: EditionInput): void {
  const { meta, metaPositions } = procedure;
  const entries = [
    { label: words.terms.duration, value: meta.duration, position: metaPositions.duration },
    { label: words.terms.cost, value: meta.cost, position: metaPositions.cost },
    { label: words.terms.product, value: meta.product, position: metaPositions.product },
  ];
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

function listSection(pen: Pen, root: Tag, title: string, section: ListSection, ordered: boolean): void {
  const sect = pen.tag(root, 'Sect');
  const content = (target: Pen, parent: Tag) => {
    if (section.before.length > 0) {
      blocks(target, parent, section.before);
      target.space(target.theme.body * 0.6);
    }
    list(target, parent, itemEntries(section.items), ordered, 1);
    if (section.after.length > 0) {
      target.space(target.theme.body * 0.6);
      blocks(target, parent, section.after);
    }
  };
  heading(pen, sect, 2, plainRuns(title), (dry) => content(dry, undefined), title);
  content(pen, sect);
}

function section(
  pen: Pen,
  root: Tag,
  title: string,
  content: Section | undefined,
  fallback?: (pen: Pen, parent: Tag) => void,
): void {
  if (!content && !fallback) return;
  const sect = pen.tag(root, 'Sect');
  const draw = (target: Pen, parent: Tag) => {
    if (content) blocks(target, parent, content.blocks);
    else fallback?.(target, parent);
  };
  heading(pen, sect, 2, plainRuns(title), (dry) => draw(dry, undefined), title);
  draw(pen, sect);
}

/** The site's complaint channels, for procedures without their own Pengaduan section. */
function siteComplaints(pen: Pen, parent: Tag, channels: PhrasingContent[][], intro: string): void {
  paragraph(pen, parent, plainRuns(intro));
  pen.space(pen.theme.body * 0.5);
  list(
    pen,
    parent,
    channels.map((content) => ({ content, blocks: [], subItems: [] })),
    false,
    1,
  );
}

/**
 * The QR code to the web page with its caption beside it, the address printed under it,
 * then the last update. The code's quiet zone reaches into the margin, so its dark
 * modules line up with the text.
 */
function closing(pen: Pen, root: Tag, { procedure, words, url }: EditionInput): void {
  const { terms } = words;
  const size = pen.theme.qrSize;
  const rects = qrRects(url, size);
  const quiet = Math.min(...rects.map((rect) => rect.x));
  const visible = size - 2 * quiet;
  const captionX = pen.left + visible + pen.theme.body * 1.2;
  const captionWidth = pen.left + pen.width - captionX;
  const small = smallStyle(pen);
  const body = bodyStyle(pen);
  const captionRuns = plainRuns(terms.qr_caption);
  const urlRuns = phrasingRuns([{ type: 'link', url, children: [{ type: 'text', value: url }] }]);
  const updatedRuns = plainRuns(`${terms.updated}: ${formatDate(procedure.meta.updated, words)}`);
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
