// Splits a document body into its introduction and level-2 sections, and tells
// which contract section each heading names.
import type { Heading, List, Root, RootContent } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import type { SectionKind } from './types.js';

export interface RawSection {
  kind: SectionKind | 'free';
  heading: string;
  headingNode: Heading;
  blocks: RootContent[];
}

export type HeadingMap = Record<SectionKind, string[]>;

export function normaliseHeading(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/[:.]$/, '').toLowerCase();
}

export function matchSection(text: string, headings: HeadingMap): SectionKind | 'free' {
  const wanted = normaliseHeading(text);
  for (const [kind, names] of Object.entries(headings) as [SectionKind, string[]][]) {
    if (names.some((name) => normaliseHeading(name) === wanted)) return kind;
  }
  return 'free';
}

/** Headings of depth 1 or 2 start sections; deeper ones stay inside them. */
export function splitSections(
  root: Root,
  headings: HeadingMap,
): { introduction: RootContent[]; sections: RawSection[] } {
  const introduction: RootContent[] = [];
  const sections: RawSection[] = [];
  for (const node of root.children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading' && node.depth <= 2) {
      const heading = plainText(node);
      sections.push({ kind: matchSection(heading, headings), heading, headingNode: node, blocks: [] });
      continue;
    }
    const current = sections.at(-1);
    if (current) current.blocks.push(node);
    else introduction.push(node);
  }
  return { introduction, sections };
}

export function firstList(blocks: RootContent[]): List | undefined {
  return blocks.find((block): block is List => block.type === 'list');
}
