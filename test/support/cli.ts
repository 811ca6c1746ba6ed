// Runs the compiled `pelita` command (npm test compiles first) the way a user does.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { FIXTURES, REPO } from './fixtures.js';

export const CLI = join(REPO, 'dist/cli/main.js');

/** Runs `pelita`; messages in English unless `env` says otherwise (the default, Indonesian, is tested on its own). */
export function pelita(
  args: string[],
  cwd = REPO,
  env: NodeJS.ProcessEnv = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Folders made by tempDir in this test file: removed when its tests are done. */
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'pelita-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A content folder with the test site.yaml and the given `<lang>/<slug>.md` files. */
export function contentFolder(files: Record<string, string>): string {
  const dir = tempDir('pelita-content-');
  cpSync(join(FIXTURES, 'site.yaml'), join(dir, 'site.yaml'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Every file under `dir`, as relative path → bytes. */
export function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(dir.length + 1), readFileSync(path));
  }
  return files;
}

/**
 * The reporter's grouped output (a path line, then `  line:column  severity  message  rule`
 * lines) as one `path:line:column  severity  message  rule` line per message.
 */
export function flatMessages(output: string): string {
  let path = '';
  const lines: string[] = [];
  for (const line of output.split('\n')) {
    const row = /^ {2}(\d+:\d+)? +(\S+) {2,}(.*)$/.exec(line);
    if (row && path) lines.push(`${path}${row[1] ? `:${row[1]}` : ''}  ${row[2]}  ${row[3]}`);
    else if (line && !line.startsWith(' ') && !line.startsWith('[')) path = line;
  }
  return lines.join('\n');
}

/** The text of every unit page of a language (`unit/<lang>/…`) in a built folder, joined: all its index lists. */
export function unitPagesText(dir: string, lang: string): string {
  return [...readTree(dir)]
    .filter(([path]) => path.startsWith(`unit/${lang}/`) && path.endsWith('index.html'))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, data]) => data.toString('utf8'))
    .join('\n');
}
