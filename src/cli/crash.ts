// Internal failures end with one short line, a crash log with the details, and exit 70,
// whoever throws: the WebAssembly glue of liblouis and eSpeak installs handlers of its own
// that would otherwise print a stack trace and exit 7.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from './exit-codes.js';

/** Writes the crash log and returns the line to print. */
export function reportCrash(error: unknown, version: string): string {
  const path = join(tmpdir(), `pelita-crash-${process.pid}.log`);
  const details = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const log = [`pelita ${version}, node ${process.version}`, `argv: ${process.argv.slice(2).join(' ')}`, details, ''];
  let where = `The details were written to ${path}`;
  try {
    writeFileSync(path, log.join('\n'));
  } catch {
    where = 'The details could not be written to a crash log';
  }
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  return `pelita: internal error (${message}). ${where}; please report this problem.`;
}

/** From now on an uncaught exception or unhandled rejection ends the run with exit 70. */
export function exitOnCrash(version: string): void {
  const crash = (error: unknown) => {
    console.error(reportCrash(error, version));
    process.exit(EXIT.internal);
  };
  // The capture callback takes precedence over every 'uncaughtException' listener.
  process.setUncaughtExceptionCaptureCallback(crash);
  process.prependListener('unhandledRejection', crash);
}
