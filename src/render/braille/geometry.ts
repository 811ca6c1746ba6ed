// Page geometry from templates/braille/geometry.yaml: named presets, one chosen.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Geometry } from './paginate.js';
import { BRAILLE_TEMPLATES_DIR } from './tables.js';

interface GeometryFile {
  use: string;
  presets: Record<string, Partial<Geometry>>;
}

/** A4, 40 × 28: the default page (geometry.yaml's `a4`). */
export const DEFAULT_GEOMETRY: Geometry = { cols: 40, rows: 28, pageNumber: 'bottom' };

/** Reads a geometry file's text (pure, for tests); `preset` overrides the file's `use`. */
export function readGeometry(yamlText: string, preset?: string): Geometry {
  const file = parse(yamlText) as GeometryFile;
  const name = preset ?? file.use;
  const chosen = file.presets?.[name];
  if (!chosen) throw new Error(`templates/braille/geometry.yaml has no preset "${name}"`);
  const geometry = { ...DEFAULT_GEOMETRY, ...chosen };
  if (!Number.isInteger(geometry.cols) || !Number.isInteger(geometry.rows) || geometry.cols < 12 || geometry.rows < 4) {
    throw new Error(`braille preset "${name}" needs whole numbers cols ≥ 12 and rows ≥ 4`);
  }
  if (geometry.pageNumber !== 'top' && geometry.pageNumber !== 'bottom') {
    throw new Error(`braille preset "${name}": pageNumber must be top or bottom`);
  }
  return geometry;
}

let text: string | undefined;
/** The page a site asks for (site.yaml `braille:`), from the presets of geometry.yaml. */
export function loadGeometry(page: { paper?: string; cells?: number; lines?: number } = {}): Geometry {
  text ??= readFileSync(`${BRAILLE_TEMPLATES_DIR}geometry.yaml`, 'utf8');
  const preset = readGeometry(text, page.paper);
  return { ...preset, cols: page.cells ?? preset.cols, rows: page.lines ?? preset.rows };
}
