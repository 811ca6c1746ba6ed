// Reads generated PDFs with real tools: poppler (pdfinfo, pdffonts, pdftotext, pdftoppm),
// qpdf, pdfjs-dist (structure tree) and jsQR (the QR code, from a rendered page).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQRModule from 'jsqr';

// jsqr is CommonJS with an ES-style default export; take the function however it arrives.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR: Decode =
  typeof jsQRModule === 'function' ? jsQRModule : (jsQRModule as unknown as { default: Decode }).default;

export function pdfinfo(path: string): Record<string, string> {
  const output = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Object.fromEntries(
    output
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

export function pdffonts(path: string): FontRow[] {
  const lines = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    // name type… encoding emb sub uni object ID: read the flags from the right.
    const parts = line.trim().split(/\s+/);
    const [emb, sub, uni] = parts.slice(-5, -2);
    return { name: parts[0] ?? '', type: line, embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
  });
}

/** The text, with every run of white space as one space. */
export function pdftext(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/**
 * The text in content order (`pdftotext -raw`), every run of white space as one space.
 * Unlike the default reading order, it does not take a hyphen ending a line for a
 * hyphenation and drop it.
 */
export function pdftextRaw(path: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** Text of each page (form feed separated). */
export function pdfPages(path: string): string[] {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).split('\f');
}

export function qpdfCheck(path: string): { status: number | null; output: string } {
  const result = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

export interface StructNode {
  role: string;
  alt?: string;
  /** The element's own language (`/Lang`), e.g. on a phrase in another language. */
  lang?: string;
  children: StructNode[];
  /** Marked-content pieces directly under this node. */
  content: number;
}

/** The whole structure tree, read from the file's objects with qpdf (every page at once). */
export function structureTree(path: string): StructNode {
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=qpdf', path], { encoding: 'utf8' }));
  const objects: Record<string, { value?: unknown }> = json.qpdf[1];
  const value = (ref: unknown): unknown =>
    typeof ref === 'string' && / 0 R$/.test(ref) ? objects[`obj:${ref}`]?.value : ref;
  const trailer = objects.trailer?.value as Record<string, string>;
  const catalog = value(trailer['/Root']) as Record<string, unknown>;
  const root = value(catalog['/StructTreeRoot']) as Record<string, unknown>;
  const visit = (node: unknown): StructNode | undefined => {
    const dict = value(node) as Record<string, unknown> | number | undefined;
    if (typeof dict !== 'object' || dict === null || typeof dict['/S'] !== 'string') return undefined;
    const kids = dict['/K'] === undefined ? [] : Array.isArray(dict['/K']) ? dict['/K'] : [dict['/K']];
    const children: StructNode[] = [];
    let content = 0;
    for (const kid of kids) {
      const child = visit(kid);
      if (child) children.push(child);
      else content++;
    }
    const text = (key: string) =>
      typeof dict[key] === 'string' ? (dict[key] as string).replace(/^u:/, '') : undefined;
    const [alt, lang] = [text('/Alt'), text('/Lang')];
    return {
      role: (dict['/S'] as string).slice(1),
      ...(alt ? { alt } : {}),
      ...(lang ? { lang } : {}),
      children,
      content,
    };
  };
  const kids = Array.isArray(root['/K']) ? root['/K'] : [root['/K']];
  return { role: 'StructTreeRoot', children: kids.flatMap((kid) => visit(kid) ?? []), content: 0 };
}

export function findAll(node: StructNode, role: string): StructNode[] {
  return [...(node.role === role ? [node] : []), ...node.children.flatMap((child) => findAll(child, role))];
}

/** Roles of each page's structure tree as pdf.js (v5) reads it, one list per page, in order. */
export async function pdfjsPageRoles(path: string): Promise<{ roles: string[]; alts: string[] }[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  const pages = [];
  for (let number = 1; number <= document.numPages; number++) {
    const tree = await (await document.getPage(number)).getStructTree();
    const roles: string[] = [];
    const alts: string[] = [];
    const walk = (node: { role?: string; alt?: string; children?: unknown[] }) => {
      if (node.role) roles.push(node.role);
      if (node.alt) alts.push(node.alt);
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    if (tree) walk(tree as never);
    pages.push({ roles, alts });
  }
  await document.destroy();
  return pages;
}

/** Decodes the QR code on `page` after rasterising it with pdftoppm (grey PGM). */
export function decodeQr(path: string, page: number, dir: string): string | undefined {
  const prefix = join(dir, 'qr');
  execFileSync('pdftoppm', ['-gray', '-r', '150', '-f', String(page), '-l', String(page), '-singlefile', path, prefix]);
  const pgm = readFileSync(`${prefix}.pgm`);
  const header = pgm.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('pdftoppm wrote no PGM');
  const [text, width, height] = [header[0], Number(header[1]), Number(header[2])];
  const grey = pgm.subarray(text.length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let index = 0; index < width * height; index++) {
    const level = grey[index] ?? 255;
    rgba.set([level, level, level, 255], index * 4);
  }
  return jsQR(rgba, width, height)?.data;
}

/**
 * The text of each page as pdf.js (v5) extracts it, one string per page with a newline at
 * each line's end. Page furniture (running header, footer: artifacts) is left out unless
 * `artifacts` is set, so content split over two pages reads on without it.
 */
export async function pdfjsPageTexts(path: string, { artifacts = false } = {}): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent({ includeMarkedContent: true });
    const open: boolean[] = [];
    let text = '';
    for (const item of content.items as { type?: string; tag?: string; str?: string; hasEOL?: boolean }[]) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
        open.push(item.tag === 'Artifact');
      } else if (item.type === 'endMarkedContent') {
        open.pop();
      } else if (artifacts || !open.includes(true)) {
        text += `${item.str ?? ''}${item.hasEOL ? '\n' : ''}`;
      }
    }
    pages.push(text);
  }
  await document.destroy();
  return pages;
}
