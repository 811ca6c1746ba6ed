// liblouis 3.2 compiled to JavaScript with emscripten (npm liblouis-build), called
// through ccall with character counts, never byte counts (the bug in npm `liblouis`).
import { dirname, join } from 'node:path';
import { AFTER_TABLE, type BrailleEngine, blankCells, DISPLAY_TABLE } from './engine.js';
import { loadLiblouisBuild } from './load-liblouis-build.js';
import { PELITA_TABLES_DIR } from './tables.js';

interface EmscriptenModule {
  ccall(name: string, returnType: 'number' | 'string' | null, argTypes: string[], args: unknown[]): number | string;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  HEAP32: Int32Array;
  HEAPU16: Uint16Array;
  FS: {
    mkdir(path: string): void;
    mount(type: unknown, options: { root: string }, mountpoint: string): void;
    filesystems: Record<string, unknown>;
  };
}

const UTF16 = new TextDecoder('utf-16le');

/** Where the tables appear inside the module's virtual file system. */
const PACKAGE_MOUNT = '/liblouis-tables';
const PELITA_MOUNT = '/pelita-tables';

export function embeddedEngine(): BrailleEngine {
  const loaded = loadLiblouisBuild();
  const packagePath = loaded.path;
  const louis = loaded.module as EmscriptenModule;
  const charSize = louis.ccall('lou_charSize', 'number', [], []) as number;
  if (charSize !== 2) throw new Error(`liblouis-build uses ${charSize}-byte characters; Pelita expects 2`);
  louis.FS.mkdir(PACKAGE_MOUNT);
  louis.FS.mount(louis.FS.filesystems.NODEFS, { root: join(dirname(packagePath), 'tables') }, PACKAGE_MOUNT);
  louis.FS.mkdir(PELITA_MOUNT);
  louis.FS.mount(louis.FS.filesystems.NODEFS, { root: PELITA_TABLES_DIR }, PELITA_MOUNT);
  const tableList = (table: string) =>
    [
      `${PACKAGE_MOUNT}/${DISPLAY_TABLE}`,
      ...[table, ...AFTER_TABLE.embedded].map((name) => `${PELITA_MOUNT}/${name}`),
    ].join(',');
  const version = louis.ccall('lou_version', 'string', [], []) as string;

  return {
    name: 'embedded',
    version,
    async translate(texts, table) {
      return texts.map((text) => blankCells(call(louis, 'lou_translateString', tableList(table), text)));
    },
    async backTranslate(cells, table) {
      return cells.map((text) => call(louis, 'lou_backTranslateString', tableList(table), text));
    },
  };
}

/**
 * One liblouis call on UTF-16 text. liblouis stops early when the output buffer is full
 * (it reports fewer input characters consumed), so the buffer grows until all is used.
 */
function call(louis: EmscriptenModule, fn: string, tableList: string, text: string): string {
  if (text === '') return '';
  const length = text.length;
  let capacity = Math.max(64, length * 2);
  const input = louis._malloc(length * 2);
  const lengths = louis._malloc(8);
  try {
    for (let i = 0; i < length; i++) louis.HEAPU16[(input >> 1) + i] = text.charCodeAt(i);
    for (;;) {
      const output = louis._malloc(capacity * 2);
      if (output === 0) throw new Error('liblouis ran out of memory');
      try {
        louis.HEAP32[lengths >> 2] = length;
        louis.HEAP32[(lengths >> 2) + 1] = capacity;
        const ok = louis.ccall(
          fn,
          'number',
          ['string', 'number', 'number', 'number', 'number', 'number', 'number', 'number'],
          [tableList, input, lengths, output, lengths + 4, 0, 0, 0],
        );
        if (!ok) throw new Error(`liblouis could not use the table ${tableList}`);
        const consumed = louis.HEAP32[lengths >> 2] ?? 0;
        const produced = louis.HEAP32[(lengths >> 2) + 1] ?? 0;
        if (consumed >= length) {
          // One decode of the heap view: spreading 64 K code units into fromCharCode was ~10 % of the time.
          return UTF16.decode(louis.HEAPU16.subarray(output >> 1, (output >> 1) + produced));
        }
        capacity *= 2;
      } finally {
        louis._free(output);
      }
    }
  } finally {
    louis._free(input);
    louis._free(lengths);
  }
}
