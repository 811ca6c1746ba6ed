// How much work one document may ask for, so that no document can stop the others.
// Every limit is far above what a public-service procedure needs.
export const LIMITS = {
  /** Bytes of one Markdown file (the largest sample procedure has about 5 KB). */
  bytes: 1_000_000,
  /** Lists and block quotes inside each other. */
  nesting: 12,
  /** Any nodes inside each other (emphasis in links in lists …): bounds every recursive walk. */
  depth: 48,
  /** List items in one document: each becomes a pictogram, a braille line, a spoken sentence. */
  listItems: 2_000,
  /** Nodes of the parsed document. */
  nodes: 100_000,
  /** Columns of list markers, quote marks and spaces before a line's text: bounds the parser's work. */
  indent: 160,
} as const;
