// `pelita build` fixes glibc's mmap threshold for its process (issue #16: RSS of a long
// build); the other commands, and a user who set the threshold, run as they are. What glibc
// does is asked of glibc itself (test/support/malloc-probe.cjs, as each process ends).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wantsTunedMalloc } from '../src/cli/malloc-tuning.js';
import { pelita, tempDir } from './support/cli.js';

const probe = join(import.meta.dirname, 'support/malloc-probe.cjs');
const onGlibc =
  process.platform === 'linux' &&
  (process.report.getReport() as { header: { glibcVersionRuntime?: string } }).header.glibcVersionRuntime !== undefined;

const said = (stderr: string) => stderr.match(/^malloc=.*$/gm);

describe.runIf(onGlibc)('malloc tuning', () => {
  it('is wanted unless the threshold is set already', () => {
    expect(wantsTunedMalloc({})).toBe(true);
    expect(wantsTunedMalloc({ MALLOC_MMAP_THRESHOLD_: '65536' })).toBe(false);
    expect(wantsTunedMalloc({ GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=65536' })).toBe(false);
  });

  it('keeps a large block in its own mapping after a larger one was freed', () => {
    const tuning = join(import.meta.dirname, '../src/cli/malloc-tuning.ts');
    const run = (code: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', '--require', probe, '--input-type=module', '-e', code], {
        encoding: 'utf8',
        env: { ...process.env, MALLOC_MMAP_THRESHOLD_: undefined },
      }).stderr;
    expect(said(run('1'))).toEqual(['malloc=heap']);
    expect(said(run(`const { tuneMalloc } = await import(${JSON.stringify(tuning)}); tuneMalloc({});`))).toEqual([
      'malloc=mapped',
    ]);
  });

  it('is done by a build, not by a check, and not when the user set the threshold', () => {
    const env = { NODE_OPTIONS: `--require ${probe}`, MALLOC_MMAP_THRESHOLD_: undefined };
    const missing = join(tempDir(), 'tidak-ada');
    const build = pelita(['build', '--content', missing, '--out', tempDir()], undefined, env);
    expect(build.status).toBe(2);
    expect(said(build.stderr)).toEqual(['malloc=mapped']);
    expect(said(pelita(['check', '--content', missing], undefined, env).stderr)).toEqual(['malloc=heap']);
    const set = pelita(['build', '--content', missing, '--out', tempDir()], undefined, {
      ...env,
      GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=33554432',
    });
    expect(said(set.stderr)).toEqual(['malloc=heap']);
  });
});
