// A build SIGKILLed at 20 points spread over it (and at the moment a group of files is
// being renamed into place): after the next start's repair every procedure folder, and
// the site's own files, equal either the old or the new version, and the next build
// finishes the job and leaves nothing behind (issue #17).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL, openOutputFolder } from '../src/pipeline/output-folder.js';
import { CLI, contentFolder, pelita, readTree, tempDir } from './support/cli.js';
import { validProcedure } from './support/fixtures.js';

const SLUGS = ['cuti-tahunan', 'cuti-besar', 'cuti-sakit'];
const POINTS = 20;

const version = (word: string) =>
  Object.fromEntries(
    SLUGS.map((slug) => [`id/${slug}.md`, validProcedure((t) => t.replace('Isi formulir.', `Isi formulir ${word}.`))]),
  );

/** Files under `dir` of a tree, as path → bytes, for comparing groups. */
function group(tree: Map<string, Buffer>, inGroup: (path: string) => boolean): string {
  return JSON.stringify(
    [...tree]
      .filter(([path]) => inGroup(path))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([path, bytes]) => [path, bytes.toString('base64')]),
  );
}

const groups = [
  ...SLUGS.map((slug) => (path: string) => path.startsWith(`id/${slug}/`)),
  (path: string) => !path.startsWith('id/') && !path.startsWith('.pelita-output'),
];

/** Runs `build` into `out`, killing it after `delay` ms or when a journal appears; true when killed. */
function buildAndKill(content: string, out: string, delay: number, atJournal: boolean): Promise<boolean> {
  const child = spawn(process.execPath, [CLI, 'build', '--content', content, '--out', out], { stdio: 'ignore' });
  return new Promise((resolve) => {
    const kill = () => child.kill('SIGKILL');
    const timer = atJournal ? undefined : setTimeout(kill, delay);
    const poll = atJournal ? setInterval(() => existsSync(join(out, JOURNAL)) && kill(), 1) : undefined;
    // A group is in place within a few milliseconds (its files are no longer followed by a
    // rewrite of the whole manifest), so the journal is also watched, not only polled.
    const watcher = atJournal
      ? watch(out, (_event, name) => {
          if (name === JOURNAL) kill();
        })
      : undefined;
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      watcher?.close();
      resolve(signal === 'SIGKILL');
    });
  });
}

describe('a build killed at any moment', () => {
  it(`leaves each procedure old or new at ${POINTS} kill points, and the next build cleans up`, async () => {
    const content = contentFolder(version('lama'));
    const oldOut = tempDir();
    expect(pelita(['build', '--content', content, '--out', oldOut]).status).toBe(0);
    for (const [path, text] of Object.entries(version('baru'))) writeFileSync(join(content, path), text);
    const newOut = tempDir();
    cpSync(oldOut, newOut, { recursive: true });
    const started = performance.now();
    expect(pelita(['build', '--content', content, '--out', newOut]).status).toBe(0);
    const duration = performance.now() - started;
    const [before, after] = [readTree(oldOut), readTree(newOut)];

    let killed = 0;
    let changedWhenKilled = 0;
    for (let point = 0; point < POINTS + 3; point++) {
      // 20 points spread over the build (its first 85%), then 3 at the moment a group is being
      // put in place. On a shared machine a build may run faster than the one measured: one
      // that ended before its kill is tried again from the old folder, at half the delay.
      let out = '';
      let wasKilled = false;
      let delay = ((point + 0.5) / POINTS) * duration * 0.85;
      for (let attempt = 0; attempt < 4 && !wasKilled; attempt++, delay /= 2) {
        out = tempDir();
        cpSync(oldOut, out, { recursive: true });
        wasKilled = await buildAndKill(content, out, delay, point >= POINTS);
      }
      if (wasKilled) killed++;
      const repair = await openOutputFolder({ outDir: out, contentDir: content });
      await repair.close();
      const tree = readTree(out);
      for (const inGroup of groups) {
        const now = group(tree, inGroup);
        expect([group(before, inGroup), group(after, inGroup)], `kill point ${point}`).toContain(now);
        if (now !== group(before, inGroup)) changedWhenKilled++;
      }
      if (point % 8 === 0 || point === POINTS + 2) {
        expect(pelita(['build', '--content', content, '--out', out]).status).toBe(0);
        const rebuilt = readTree(out);
        expect([...rebuilt.keys()].sort()).toEqual([...after.keys()].sort());
        for (const [path, bytes] of after) expect(rebuilt.get(path)?.equals(bytes), path).toBe(true);
        expect(
          readdirSync(out, { recursive: true })
            .map(String)
            .filter((name) => /pelita-(new|lock)/.test(name)),
        ).toEqual([]);
      }
    }
    console.info(`kill test: ${killed} builds killed, ${changedWhenKilled} groups found new after a kill`);
    expect(killed).toBeGreaterThanOrEqual(POINTS);
    expect(changedWhenKilled).toBeGreaterThan(0); // some kills fell while files were being replaced
  }, 900_000);
});
