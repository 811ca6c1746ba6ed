// A short fingerprint of a source procedure's meaningful content, one digest per part,
// so a translation can record which version it translates and we can name what changed.
// Written into the translation's front matter as `source: 1a2b3c.4d5e6f.…` (parts in
// DIGEST_PARTS order) by `pelita translations --mark-reviewed`.
import { createHash } from 'node:crypto';
import type { Nodes, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { DIGEST_PARTS, type DigestPart, type Item, type Procedure } from './types.js';

export type Digest = Record<DigestPart, string>;

/** Messages name each part with `part-<name>` of templates/i18n/messages/. */
export function digestProcedure(procedure: Procedure): Digest {
  const { meta } = procedure;
  const texts: Record<DigestPart, string> = {
    // `updated` is left out on purpose: a new review date alone changes nothing to translate.
    facts: [meta.title, meta.summary, meta.duration, meta.cost, meta.product, meta.unit ?? ''].join('\n'),
    introduction: blocksText(procedure.introduction),
    requirements: [
      blocksText(procedure.requirements.before),
      itemsText(procedure.requirements.items),
      blocksText(procedure.requirements.after),
    ].join('\n'),
    steps: [
      blocksText(procedure.steps.before),
      itemsText(procedure.steps.items),
      blocksText(procedure.steps.after),
    ].join('\n'),
    complaints: blocksText(procedure.complaints?.blocks ?? []),
    legalBasis: blocksText(procedure.legalBasis?.blocks ?? []),
    notes: blocksText(procedure.notes?.blocks ?? []),
    otherSections: procedure.freeSections
      .map((section) => `${section.heading}\n${blocksText(section.blocks)}`)
      .join('\n'),
  };
  return Object.fromEntries(DIGEST_PARTS.map((part) => [part, shortHash(texts[part])])) as Digest;
}

export function formatDigest(digest: Digest): string {
  return DIGEST_PARTS.map((part) => digest[part]).join('.');
}

/** The digest in a translation's `source:` value, or undefined when it is not one. */
export function parseDigest(text: string): Digest | undefined {
  const values = text.trim().split('.');
  if (values.length !== DIGEST_PARTS.length || !values.every((value) => /^[0-9a-f]{6}$/.test(value))) return undefined;
  return Object.fromEntries(DIGEST_PARTS.map((part, index) => [part, values[index]])) as Digest;
}

export function changedParts(recorded: Digest, current: Digest): DigestPart[] {
  return DIGEST_PARTS.filter((part) => recorded[part] !== current[part]);
}

/** Text and link targets, whitespace folded: formatting-only edits do not count as changes. */
function blocksText(blocks: readonly RootContent[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    visit(block as Nodes, (node) => {
      if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') parts.push(node.value);
      if (node.type === 'link' || node.type === 'image') parts.push(`<${node.url}>`);
    });
    parts.push('\n');
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function itemsText(items: readonly Item[]): string {
  return items
    .map(
      (item) =>
        `- ${blocksText([{ type: 'paragraph', children: item.content }, ...item.details])}\n${itemsText(item.subItems)}`,
    )
    .join('\n');
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 6);
}
