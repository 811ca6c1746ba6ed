// Live progress on a terminal, tested under a real pseudo-terminal (tmux), and the
// pieces of the line without one.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration } from '../src/cli/progress.js';
import { loadCatalogue } from '../src/pipeline/load-templates.js';
import { CLI, contentFolder, tempDir } from './support/cli.js';
import { validProcedure } from './support/fixtures.js';

describe('progress', () => {
  it('formats durations as minutes:seconds', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(75.4)).toBe('1:15');
  });

  it('prints a plain line per document when not on a terminal', async () => {
    let written = '';
    const stream = { write: (text: string) => (written += text) } as unknown as NodeJS.WriteStream;
    let now = 0;
    const progress = createProgress({ catalogue: await loadCatalogue('en'), stream, live: false, clock: () => now });
    progress.started(2);
    now = 3000;
    progress.documentDone('id/a.md');
    progress.print(['a message']);
    expect(written).toBe('[1/2] id/a done (0:03 elapsed)\na message\n');
  });

  it('shows a live line with done/total, edition, elapsed and time left on a pseudo-terminal', () => {
    const content = contentFolder({
      'id/cuti-tahunan.md': validProcedure(),
      'id/cuti-besar.md': validProcedure((t) => t.replace('Cuti Tahunan', 'Cuti Besar')),
    });
    const dir = tempDir();
    const log = join(dir, 'tty.log');
    const tmux = (...args: string[]) =>
      spawnSync('tmux', ['-L', `pelita-test-${process.pid}`, ...args], { encoding: 'utf8' });
    const command = `sleep 1; LANG=en_US.UTF-8 ${process.execPath} ${CLI} build --content ${content} --out ${join(dir, 'out')} --editions html,braille; tmux -L pelita-test-${process.pid} wait-for -S done`;
    expect(tmux('new-session', '-d', '-s', 'build', '-x', '160', '-y', '20', command).status).toBe(0);
    try {
      tmux('pipe-pane', '-t', 'build', '-o', `cat > ${log}`);
      expect(tmux('wait-for', 'done').status).toBe(0);
    } finally {
      tmux('kill-server');
    }
    const raw = readFileSync(log, 'utf8');
    expect(raw).toMatch(/\d\/2 documents · (html|braille) · 0:\d\d elapsed · about 0:\d\d left/);
    expect(raw).toContain('\u001b['); // redrawn in place, not printed line after line
    expect(raw).not.toContain('[1/2]'); // the plain lines are for logs only
    expect(raw).toContain('2 of 2 documents built');
  }, 120_000);
});
