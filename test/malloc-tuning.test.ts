// `pelita build` runs in a child started with glibc's mmap threshold fixed (issue #16: RSS
// of a long build); the other commands, and a user who sets the variable, run as they are.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MMAP_THRESHOLD, wantsTunedMalloc } from '../src/cli/malloc-tuning.js';
import { pelita, tempDir } from './support/cli.js';

const preload = join(import.meta.dirname, 'support/tell-malloc-env.cjs');
const onGlibc = (process.report.getReport() as { header: { glibcVersionRuntime?: string } }).header.glibcVersionRuntime;

describe('malloc tuning', () => {
  it.runIf(process.platform === 'linux' && onGlibc)('is wanted for a build only, and not when already set', () => {
    expect(wantsTunedMalloc(['build', '--content', 'c', '--out', 'o'], {})).toBe(true);
    expect(wantsTunedMalloc(['check', '--content', 'c'], {})).toBe(false);
    expect(wantsTunedMalloc(['build', '--help'], {})).toBe(false);
    expect(wantsTunedMalloc(['--version'], {})).toBe(false);
    expect(wantsTunedMalloc(['build'], { MALLOC_MMAP_THRESHOLD_: '65536' })).toBe(false);
    expect(wantsTunedMalloc(['build'], { GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=65536' })).toBe(false);
  });

  it.runIf(process.platform === 'linux' && onGlibc)(
    'runs the build in a tuned child and ends with its exit code',
    () => {
      const env = { NODE_OPTIONS: `--require ${preload}`, MALLOC_MMAP_THRESHOLD_: undefined };
      const missing = join(tempDir(), 'tidak-ada');
      const run = pelita(['build', '--content', missing, '--out', tempDir()], undefined, env);
      expect(run.status).toBe(2);
      expect(run.stderr.match(/^mmap-threshold=.*$/gm)).toEqual([
        `mmap-threshold=${MMAP_THRESHOLD}`,
        'mmap-threshold=undefined',
      ]);
      expect(run.stderr.match(/not found|tidak ditemukan/gi)).toHaveLength(1);
      const check = pelita(['check', '--content', missing], undefined, env);
      expect(check.stderr.match(/^mmap-threshold=.*$/gm)).toEqual(['mmap-threshold=undefined']);
      const set = pelita(['build', '--content', missing, '--out', tempDir()], undefined, {
        ...env,
        MALLOC_MMAP_THRESHOLD_: '65536',
      });
      expect(set.status).toBe(2);
      expect(set.stderr.match(/^mmap-threshold=.*$/gm)).toEqual(['mmap-threshold=65536']);
    },
  );
});
