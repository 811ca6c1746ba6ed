// Save-to-visible time of `pelita preview`: a copy of the sample is served (HTML edition),
// Chromium shows one procedure, and each round changes its title on disk and waits until
// the new title is on the page (watch → rebuild → server-sent event → reload → render).
//   npm run compile && npx tsx scripts/bench-preview.ts [rounds=10]
// Results are recorded by hand in docs/benchmarks.md (machine, date and load included).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/support/browser.js';
import { tempDir } from '../test/support/cli.js';
import { startPreviewProcess } from '../test/support/preview.js';

const rounds = Number(process.argv[2] ?? 10);
const content = tempDir('pelita-bench-preview-');
cpSync(join(import.meta.dirname, '..', 'content'), content, { recursive: true });
const file = join(content, 'id/cuti-tahunan.md');
const original = readFileSync(file, 'utf8');

const [browser, preview] = await Promise.all([launchChromium(), startPreviewProcess(content, tempDir())]);
try {
  const page = await browser.newPage();
  await page.goto(`${preview.url}id/cuti-tahunan/index.html`);
  const times: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const title = `Cuti Tahunan Uji ${round}`;
    const saved = performance.now();
    writeFileSync(file, original.replace('title: Cuti Tahunan PNS', `title: ${title}`));
    await page.locator('h1', { hasText: title }).waitFor({ timeout: 60_000 });
    times.push(performance.now() - saved);
    // Let the watcher settle, as between two saves of a person.
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const sorted = [...times].sort((a, b) => a - b);
  const ms = (value: number | undefined) => `${Math.round(value ?? 0)} ms`;
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load ${loadavg()[0]?.toFixed(1)}`,
  );
  console.log(
    `save → visible over ${rounds} saves: first ${ms(times[0])}, median ${ms(sorted[Math.floor(rounds / 2)])}, min ${ms(sorted[0])}, max ${ms(sorted.at(-1))}`,
  );
} finally {
  writeFileSync(file, original);
  preview.child.kill('SIGTERM');
  await browser.close();
}
