// A parsed document before validation: everything the rules look at.
import type { Root, Yaml } from 'mdast';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { parseMarkdown } from '../parse/parse-markdown.js';
import { parseYaml, type YamlData, type YamlError } from '../parse/yaml-document.js';
import { type HeadingMap, type RawSection, splitSections } from './sections.js';

export interface Draft {
  file: VFile;
  /** Path relative to the content folder, `/`-separated, e.g. `id/cuti-tahunan.md`. */
  source: string;
  lang: string;
  slug: string;
  /** The decoded file text (positions' offsets point into it). */
  text: string;
  root: Root;
  frontMatter?: { node: Yaml; yaml: YamlData } | { node: Yaml; error: YamlError };
  introduction: Root['children'];
  sections: RawSection[];
}

export function createDraft(file: VFile, source: string, text: string, headings: HeadingMap): Draft {
  const [lang = '', name = ''] = source.split('/');
  const slug = name.replace(/\.md$/, '');
  const root = parseMarkdown(text);
  const yamlNode = root.children.find((node): node is Yaml => node.type === 'yaml');
  const { introduction, sections } = splitSections(root, headings);
  return {
    file,
    source,
    lang,
    slug,
    text,
    root,
    frontMatter: yamlNode ? readFrontMatter(yamlNode) : undefined,
    introduction,
    sections,
  };
}

function readFrontMatter(node: Yaml): Draft['frontMatter'] {
  // The YAML text starts on the line after the opening `---`.
  const origin = { line: (node.position?.start.line ?? 1) + 1, column: 1 };
  const parsed = parseYaml(node.value, origin);
  return parsed.ok ? { node, yaml: parsed.value } : { node, error: parsed.error };
}

/** The front matter as a key → value record, or undefined when absent or unreadable. */
export function frontMatterData(draft: Draft): Record<string, unknown> | undefined {
  const fm = draft.frontMatter;
  if (!fm || !('yaml' in fm)) return undefined;
  const data = fm.yaml.data;
  return typeof data === 'object' && data !== null && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : undefined;
}

/** Where a front-matter key's value stands, or the front matter's start when the key is absent. */
export function frontMatterPlace(draft: Draft, key?: string): Position | Point | undefined {
  const fm = draft.frontMatter;
  if (!fm) return undefined;
  const keyPosition = key !== undefined && 'yaml' in fm ? fm.yaml.positions.get(key) : undefined;
  return keyPosition ?? fm.node.position?.start;
}
