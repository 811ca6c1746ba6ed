// One interface over liblouis, whichever build runs it. Cells come back as Unicode
// braille (U+2800–U+28FF), a blank cell as U+2800.
import type { RenderSettings } from '../settings.js';

export interface BrailleEngine {
  name: RenderSettings['brailleEngine'];
  /** liblouis version, e.g. `3.2.0`. */
  version: string;
  /** Translates each text (one line, no line breaks) into braille cells. */
  translate(texts: readonly string[], table: string): Promise<string[]>;
  /** Back-translates Unicode braille into print, for checks. */
  backTranslate(cells: readonly string[], table: string): Promise<string[]>;
}

/** What both engines put before the table: dot patterns shown as Unicode braille. */
export const DISPLAY_TABLE = 'unicode.dis';

/**
 * Capital letters, after the table: liblouis 3.24 links them to small letters with
 * `base uppercase`, which 3.2 does not know (see id-id-g1.utb's header).
 */
export const CAPITALS = { embedded: 'capitals-3.2.uti', native: 'capitals.uti' } as const;

/**
 * Every table each engine puts after Pelita's table: the capitals, and on liblouis 3.24
 * numbers that back-translate whole (numbers.uti; 3.2 has no such opcode, and its
 * forward translation is the same without it).
 */
export const AFTER_TABLE = {
  embedded: [CAPITALS.embedded],
  native: [CAPITALS.native, 'numbers.uti'],
} as const;

/**
 * liblouis 3.2 writes the input's space character (an ASCII or a no-break space) for a
 * blank cell; PEF and proofs want U+2800.
 */
export function blankCells(cells: string): string {
  return cells.replace(/\s/g, '\u2800');
}

const engines = new Map<string, Promise<BrailleEngine>>();

/** The engine the settings ask for, loaded once per process (compiled tables stay cached). */
export function loadEngine(name: RenderSettings['brailleEngine']): Promise<BrailleEngine> {
  let engine = engines.get(name);
  if (!engine) {
    engine =
      name === 'native'
        ? import('./native-engine.js').then((module) => module.nativeEngine())
        : import('./embedded-engine.js').then((module) => module.embeddedEngine());
    engines.set(name, engine);
    // A failed load (e.g. liblouis-bin missing) is retried next time, not cached.
    engine.catch(() => engines.delete(name));
  }
  return engine;
}
