// Compile-time proof, checked by `npm run typecheck`: a handler map that lacks a node type
// of the outline does not compile, so no renderer can silently drop a kind of content.
// (If the types stopped requiring every handler, the @ts-expect-error lines would fail.)
import type { BlockHandlers, InlineHandlers } from '../src/outline/handlers.js';

const text = () => '';

// @ts-expect-error the `phrase` handler is missing
export const inlineWithoutPhrase: InlineHandlers<string> = {
  text,
  strong: text,
  emphasis: text,
  delete: text,
  link: text,
  code: text,
  break: text,
  noteRef: text,
  image: text,
};

// @ts-expect-error the `table` handler is missing
export const blockWithoutTable: BlockHandlers<string> = {
  paragraph: text,
  list: text,
  quote: text,
  subheading: text,
  preformatted: text,
};
