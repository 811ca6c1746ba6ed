// Reads a catalog back: catalog.json, the index, and its parts (catalog/<lang>/<n>.json), each
// a JSON document of its own, read and parsed only when asked for (verify parses only the
// parts that hold an entry it checks, one at a time).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Artifact } from '../types.js';

export interface CatalogPartRef {
  file: string;
  procedures: number;
  first: string;
  last: string;
}

export interface CatalogIndex {
  languages?: { lang: string; name?: string; procedures?: number; parts?: CatalogPartRef[]; untranslated?: string[] }[];
  [field: string]: unknown;
}

/** A part file as JSON: its header and its procedures. */
export interface CatalogPart {
  lang?: string;
  part?: number;
  procedures?: { slug?: string }[];
  [field: string]: unknown;
}

/** The index, and a way to read each part's text (undefined when the file is not there). */
export interface CatalogFiles {
  index: CatalogIndex;
  text(file: string): Promise<string | undefined>;
}

/** The catalog of an output folder, or undefined when it has none. */
export async function openCatalog(outDir: string): Promise<CatalogFiles | undefined> {
  const text = (file: string) => readFile(join(outDir, ...file.split('/')), 'utf8').catch(() => undefined);
  const index = await text('catalog.json');
  return index === undefined ? undefined : { index: JSON.parse(index) as CatalogIndex, text };
}

/** The catalog from the files about to be written (the same bytes `openCatalog` reads after). */
export function catalogOf(artifacts: readonly Artifact[]): CatalogFiles | undefined {
  // Each file's bytes are asked for only when read (the site files may be on disk, not held).
  const byPath = new Map(artifacts.map((artifact) => [artifact.path, artifact]));
  const text = (path: string) => {
    const data = byPath.get(path)?.data;
    return data === undefined ? undefined : typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
  };
  const index = text('catalog.json');
  return index === undefined
    ? undefined
    : { index: JSON.parse(index) as CatalogIndex, text: async (file) => text(file) };
}

/** The part of `lang` whose slug range holds `slug` (parts are in slug order and do not overlap). */
export function partFor(index: CatalogIndex, lang: string, slug: string): CatalogPartRef | undefined {
  const parts = index.languages?.find((language) => language.lang === lang)?.parts ?? [];
  let low = 0;
  let high = parts.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const part = parts[middle] as CatalogPartRef;
    if (slug < part.first) high = middle - 1;
    else if (slug > part.last) low = middle + 1;
    else return part;
  }
  return undefined;
}

/**
 * The whole catalog of an output folder as one object whose `languages[]` each hold all their
 * `procedures` (every part, in order) and `untranslated`: for tests and small folders only.
 */
export async function readCatalog(outDir: string): Promise<unknown> {
  const catalog = await openCatalog(outDir);
  if (!catalog) return undefined;
  const languages = [];
  for (const language of catalog.index.languages ?? []) {
    const procedures = [];
    for (const part of language.parts ?? []) {
      const parsed = JSON.parse((await catalog.text(part.file)) ?? 'null') as CatalogPart | null;
      procedures.push(...(parsed?.procedures ?? []));
    }
    languages.push({ ...language, procedures });
  }
  return { ...catalog.index, languages };
}
