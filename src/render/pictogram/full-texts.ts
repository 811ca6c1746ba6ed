// The full-text list at the end of the sheet: the whole words of every item whose tile
// shows less (the writer's short caption, a caption shortened to fit, sub-points), under
// the same numbers as the tiles. So the sheet itself never drops what an item says.
import { CONTENT_WIDTH, headingBlock, LEADING, PAGE, TEXT_SIZE } from './geometry.js';
import type { Block, SheetInput } from './layout.js';
import type { PlannedItem } from './plan.js';
import { INK, type TextDrawer } from './text-drawer.js';

const NUMBER_WIDTH = 10;
const INDENT = 6;
const SPACE_ABOVE = 5;

/** Whether the item's whole text is printed in the list (its tile says less). */
export function hasFullText(item: PlannedItem, shortened: readonly PlannedItem[]): boolean {
  return (
    (item.caption !== undefined && item.caption !== item.text) || item.details.length > 0 || shortened.includes(item)
  );
}

export function fullTextBlocks(
  lists: readonly { items: readonly PlannedItem[]; heading: string }[],
  shortened: readonly PlannedItem[],
  input: SheetInput,
  text: TextDrawer,
): Block[] {
  const { faces, words } = input;
  const groups = lists
    .map((list) => ({ heading: list.heading, items: list.items.filter((item) => hasFullText(item, shortened)) }))
    .filter((group) => group.items.length > 0);
  if (groups.length === 0) return [];
  const heading = headingBlock(words.fullTexts, text, faces.bold, 2);
  // Space above: the list is not part of the tiles before it.
  const blocks: Block[] = [
    { ...heading, height: heading.height + SPACE_ABOVE, draw: (top) => heading.draw(top + SPACE_ABOVE) },
  ];
  const line = TEXT_SIZE * LEADING;
  for (const group of groups) {
    blocks.push(headingBlock(group.heading, text, faces.bold, 3));
    for (const item of group.items) {
      const x = PAGE.margin + NUMBER_WIDTH;
      const own = text.wrap(item.text, faces.regular, TEXT_SIZE, CONTENT_WIDTH - NUMBER_WIDTH);
      const details = item.details.map((detail) => {
        const indent = (detail.indent + 1) * INDENT;
        return {
          indent,
          lines: text.wrap(detail.text, faces.regular, TEXT_SIZE, CONTENT_WIDTH - NUMBER_WIDTH - indent),
        };
      });
      const count = own.length + details.reduce((sum, detail) => sum + detail.lines.length, 0);
      blocks.push({
        height: count * line + 2.5,
        draw: (top) => {
          const baseline = top + TEXT_SIZE;
          const parts = [
            ...text.draw([`${item.number}.`], faces.bold, TEXT_SIZE, PAGE.margin, baseline, INK),
            ...text.draw(own, faces.regular, TEXT_SIZE, x, baseline, INK, LEADING),
          ];
          let row = own.length;
          for (const detail of details) {
            parts.push(
              ...text.draw(
                detail.lines,
                faces.regular,
                TEXT_SIZE,
                x + detail.indent,
                baseline + row * line,
                INK,
                LEADING,
              ),
            );
            row += detail.lines.length;
          }
          return [{ role: 'text', text: `${item.number}. ${item.fullText}`, parts }];
        },
      });
    }
  }
  return blocks;
}
