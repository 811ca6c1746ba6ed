// Debian's liblouis (3.24, package liblouis-bin): lou_translate, one line per text. One
// process per direction and table list stays for the whole build, its output line-buffered
// (coreutils' stdbuf): starting a process from a build's large process costs 20–40 ms (the
// fork copies its page tables), once per batch that was 1,250 starts for 1,000 procedures.
// liblouis translates each line alone, so a line comes out the same as from a new process.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { keepAlive } from '../keep-alive.js';
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
  // lou_translate reads 2,047 bytes at a time: a longer line comes out as several, which a
  // lasting process would take for the next lines' (a new one tells the count is wrong).
  const fits = lines.every((line) => Buffer.byteLength(line) < READ_AT_ONCE);
  const translator = fits ? translatorFor(args) : undefined;
  return translator ? translator.translate(lines) : runOnce(args, lines);
}

const READ_AT_ONCE = 2047;

/** A new lou_translate for one batch (where stdbuf is missing). */
function runOnce(args: string[], lines: readonly string[]): Promise<string[]> {
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

interface Translator {
  translate(lines: readonly string[]): Promise<string[]>;
}

const translators = new Map<string, Translator | undefined>();
let hasStdbuf: boolean | undefined;

/** The lasting lou_translate for these arguments; undefined without stdbuf. */
function translatorFor(args: string[]): Translator | undefined {
  const key = args.join('\0');
  if (!translators.has(key)) {
    hasStdbuf ??= (() => {
      try {
        execFileSync('stdbuf', ['--version'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    })();
    translators.set(key, hasStdbuf ? lastingTranslator(args, () => translators.delete(key)) : undefined);
  }
  return translators.get(key);
}

/** One lou_translate answering batch after batch, a line for a line; `ended` when it stops. */
function lastingTranslator(args: string[], ended: () => void): Translator {
  let stderr = '';
  let pending = '';
  /** Why it stopped, once it has. */
  let stopped: string | undefined;
  /** The batches sent, oldest first: each waits for as many lines as it sent. */
  const waiting: {
    count: number;
    lines: string[];
    resolve: (lines: string[]) => void;
    reject: (error: Error) => void;
  }[] = [];
  const child = spawn('stdbuf', ['-oL', PROGRAM, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
      const batch = waiting[0];
      const line = pending.slice(0, end);
      pending = pending.slice(end + 1);
      if (!batch) continue;
      batch.lines.push(line);
      if (batch.lines.length === batch.count) {
        waiting.shift();
        batch.resolve(batch.lines);
      }
    }
    // Waiting for nothing, it does not keep the process alive.
    if (waiting.length === 0) keepAlive(child, false);
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const stop = (why: string) => {
    stopped = `${PROGRAM} failed: ${stderr.trim() || why}`;
    ended();
    for (const batch of waiting.splice(0)) batch.reject(new Error(stopped));
  };
  child.on('error', (error) => stop(error.message));
  child.on('exit', (code, signal) => stop(signal ? `stopped (${signal})` : `ended (exit ${code})`));
  child.stdin.on('error', () => undefined); // told by 'exit'
  return {
    translate(lines) {
      if (stopped !== undefined) return Promise.reject(new Error(stopped));
      keepAlive(child, true);
      return new Promise((resolve, reject) => {
        waiting.push({ count: lines.length, lines: [], resolve, reject });
        child.stdin.write(`${lines.join('\n')}\n`);
      });
    },
  };
}
