// Runs `pelita preview` as a user does, for the browser test and the benchmark.
import { type ChildProcess, spawn } from 'node:child_process';
import { CLI } from './cli.js';

/** Starts `pelita preview` on a copy of the sample; resolves with its address. */
export async function startPreviewProcess(
  content: string,
  out: string,
  editions = 'html',
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, 'preview', '--content', content, '--out', out, '--editions', editions], {
    env: { ...process.env, LC_ALL: '', LANG: 'C.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(seen);
      if (found) resolve(found[0]);
    });
    child.on('exit', (code) => reject(new Error(`preview stopped (${code}): ${seen}`)));
  });
  return { child, url };
}
