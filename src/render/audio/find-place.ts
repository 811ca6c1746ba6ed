// Where a word first appears in a procedure, so a warning points at the line to look at.
import type { RootContent } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import type { Position } from 'unist';
import { type Item, type MetaKey, type Procedure, REQUIRED_KEYS } from '../../model/types.js';

export function findPlace(procedure: Procedure, word: string): Position | undefined {
  const has = (text: string) => new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'u').test(text);
  for (const key of [...REQUIRED_KEYS, 'unit'] as MetaKey[]) {
    const value = procedure.meta[key];
    if (value && has(value)) return procedure.metaPositions[key];
  }
  const inBlocks = (blocks: RootContent[]) => blocks.find((block) => has(plainText(block)))?.position;
  const inItems = (items: Item[]): Position | undefined => {
    for (const item of items) {
      if (has(plainText({ type: 'paragraph', children: item.content }))) return item.position;
      const found = inBlocks(item.details) ?? inItems(item.subItems);
      if (found) return found;
    }
    return undefined;
  };
  const sections = [procedure.complaints, procedure.notes, ...procedure.freeSections, procedure.legalBasis];
  return (
    inBlocks(procedure.introduction) ??
    inItems(procedure.requirements.items) ??
    inItems(procedure.steps.items) ??
    sections.map((section) => (section ? inBlocks(section.blocks) : undefined)).find(Boolean)
  );
}
