// Renderers are handler maps over the outline's closed node types: a map that lacks a
// type does not compile, so no edition can silently drop a kind of content.
import type { Block, Inline } from './types.js';

export type InlineHandlers<Result, Context = void> = {
  [Type in Inline['type']]: (node: Extract<Inline, { type: Type }>, context: Context) => Result;
};

export type BlockHandlers<Result, Context = void> = {
  [Type in Block['type']]: (node: Extract<Block, { type: Type }>, context: Context) => Result;
};

export function renderInline<Result, Context>(
  node: Inline,
  handlers: InlineHandlers<Result, Context>,
  context: Context,
): Result {
  return (handlers[node.type] as (node: Inline, context: Context) => Result)(node, context);
}

export function renderBlock<Result, Context>(
  node: Block,
  handlers: BlockHandlers<Result, Context>,
  context: Context,
): Result {
  return (handlers[node.type] as (node: Block, context: Context) => Result)(node, context);
}
