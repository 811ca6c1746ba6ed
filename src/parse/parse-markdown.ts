// Markdown text → mdast, with YAML front matter and GitHub-flavoured Markdown.
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// Directives carry language phrases (`:jv[…]`); other directives are put back as text by the model.
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective);

export function parseMarkdown(text: string): Root {
  return processor.runSync(processor.parse(text)) as Root;
}
