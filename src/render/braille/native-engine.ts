// Debian's liblouis (3.24, package liblouis-bin): one lou_translate process per batch,
// one line per text.
import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { AFTER_TABLE, type BrailleEngine, blankCells, DISPLAY_TABLE } from './engine.js';
import { PELITA_TABLES_DIR } from './tables.js';

const PROGRAM = 'lou_translate';

export function nativeEngine(): BrailleEngine {
  let version: string;
  try {
    version = /\b(\d+\.\d+\.\d+)\b/.exec(execFileSync(PROGRAM, ['--version'], { encoding: 'utf8' }))?.[1] ?? 'unknown';
  } catch {
    throw new Error(
      "the native braille engine needs Debian's liblouis: install the packages liblouis-bin and liblouis-data (apt-get install liblouis-bin liblouis-data), or build with --braille-engine embedded",
    );
  }
  const tableList = (table: string) =>
    [DISPLAY_TABLE, ...[table, ...AFTER_TABLE.native].map((name) => join(PELITA_TABLES_DIR, name))].join(',');
  return {
    name: 'native',
    version,
    async translate(texts, table) {
      return (await run(['--forward', tableList(table)], texts)).map(blankCells);
    },
    async backTranslate(cells, table) {
      return run(['--backward', tableList(table)], cells);
    },
  };
}

function run(args: string[], lines: readonly string[]): Promise<string[]> {
  if (lines.length === 0) return Promise.resolve([]);
  for (const line of lines) {
    if (/[\r\n]/.test(line)) throw new Error('the native braille engine translates one line at a time');
  }
  return new Promise((resolve, reject) => {
    const child = execFile(PROGRAM, args, { encoding: 'utf8', maxBuffer: 1 << 30 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${PROGRAM} failed: ${stderr.trim() || error.message}`));
      const output = stdout.split('\n');
      if (output.at(-1) === '') output.pop();
      if (output.length !== lines.length) {
        return reject(new Error(`${PROGRAM} returned ${output.length} lines for ${lines.length}`));
      }
      resolve(output);
    });
    child.stdin?.end(`${lines.join('\n')}\n`);
  });
}
