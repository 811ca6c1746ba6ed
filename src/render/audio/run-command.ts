// A command with its input on stdin and its output read whole from stdout (espeak-ng, lame):
// no temporary files. A failure carries the command's own message.
import { spawn } from 'node:child_process';

/** `missing`: the message when the command is not installed (ENOENT). */
export function runPiped(
  command: string,
  args: readonly string[],
  input: string | Uint8Array,
  missing?: string,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' && missing ? new Error(missing) : error),
    );
    child.on('close', (code) => {
      if (code === 0) resolve(new Uint8Array(Buffer.concat(out)));
      else reject(new Error(`${command} failed (exit ${code}): ${Buffer.concat(err).toString('utf8').trim()}`));
    });
    child.stdin.on('error', () => {}); // the command ended early: its exit code and message say why
    child.stdin.end(input);
  });
}
