// Page geometry from templates/braille/geometry.yaml: named presets, one chosen.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Geometry } from './paginate.js';
import { BRAILLE_TEMPLATES_DIR } from './tables.js';

interface GeometryFile {
  use: string;
  presets: Record<string, Partial<Geometry>>;
}

export const DEFAULT_GEOMETRY: Geometry = { cols: 40, rows: 25, pageNumber: 'bottom' };

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

let loaded: Geometry | undefined;
export function loadGeometry(): Geometry {
  loaded ??= readGeometry(readFileSync(`${BRAILLE_TEMPLATES_DIR}geometry.yaml`, 'utf8'));
  return loaded;
}
