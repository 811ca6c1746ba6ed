// Loads npm liblouis-build with two changes made in memory; the file on disk is untouched
// (CI runs `npm ci`). The build is 'almost asm': plain JavaScript in one closure, so its
// internal functions and heap size cannot be changed from outside once loaded.
// 1. `_lou_logWidecharBuf` returns at once. lou_translate calls it on every call to
//    sprintf a debug line of the whole input at level LOG_ALL, which liblouis then drops
//    (the level stays LOG_INFO: Pelita never lowers it); it was ~40 % of translation time.
// 2. A larger heap (see HEAP_BYTES), so a whole document goes in one call.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { runInThisContext } from 'node:vm';

/**
 * The build's heap cannot grow and defaults to 16 MiB, enough for ~64 KiB of text per call.
 * 128 MiB lets a whole document (1 MB of text measured) go in one call; the operating
 * system only commits the pages liblouis touches.
 */
const HEAP_BYTES = 128 * 2 ** 20;
const LOG_FUNCTION = 'function __lou_logWidecharBuf($0,$1,$2,$3) {\n';
const FACTORY_CALL = 'liblouisBuild = liblouisBuild();';

export function loadLiblouisBuild(): { module: unknown; path: string } {
  const require = createRequire(import.meta.url);
  const path = require.resolve('liblouis-build');
  const source = readFileSync(path, 'utf8');
  // Loud if a new release changes these lines: the speed-up would silently vanish.
  for (const line of [LOG_FUNCTION, FACTORY_CALL]) {
    if (source.split(line).length !== 2)
      throw new Error(`liblouis-build changed: ${line.trim()} not found once in ${path}`);
  }
  const patched = source
    .replace(LOG_FUNCTION, `${LOG_FUNCTION} return;\n`)
    .replace(FACTORY_CALL, `liblouisBuild = liblouisBuild({ TOTAL_MEMORY: ${HEAP_BYTES} });`);
  // The usual CommonJS wrapper, so the build sees require, module and __dirname as usual.
  const wrapper = runInThisContext(`(function (exports, require, module, __filename, __dirname) {${patched}\n})`, {
    filename: path,
  }) as (...args: unknown[]) => void;
  const module = { exports: {} as unknown };
  wrapper.call(module.exports, module.exports, createRequire(path), module, path, dirname(path));
  return { module: module.exports, path };
}
