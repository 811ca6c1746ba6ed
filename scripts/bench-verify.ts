// Verification benchmark: how long `verify` adds to a build of the sample content, side by
// side in one run: a cold build without verification (empty output folder, so audio is
// made), then verification alone of the same folder, then a warm build without it.
//   npx tsx scripts/bench-verify.ts [rounds=3]
// Results are recorded by hand in docs/benchmarks.md (machine, date and load included).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuild } from '../src/pipeline/build.js';
import { verifyOutput } from '../src/pipeline/verify-command.js';

const rounds = Number(process.argv[2] ?? 3);
const contentDir = join(import.meta.dirname, '..', 'content');
const seconds = (since: number) => (performance.now() - since) / 1000;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

console.log(
  `${cpus().length} × ${cpus()[0]?.model}, load ${loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')}`,
);
const cold: number[] = [];
const warm: number[] = [];
const verify: number[] = [];
for (let round = 0; round < rounds; round++) {
  const outDir = mkdtempSync(join(tmpdir(), 'pelita-bench-verify-'));
  let started = performance.now();
  await runBuild({ contentDir, outDir, verify: false });
  cold.push(seconds(started));
  started = performance.now();
  const result = await verifyOutput({ contentDir, outDir });
  verify.push(seconds(started));
  started = performance.now();
  await runBuild({ contentDir, outDir, verify: false });
  warm.push(seconds(started));
  console.log(
    `round ${round + 1}: cold build ${cold.at(-1)?.toFixed(1)} s, verify ${verify.at(-1)?.toFixed(1)} s (${result.verified} documents), warm build ${warm.at(-1)?.toFixed(1)} s`,
  );
  rmSync(outDir, { recursive: true, force: true });
}
const [c, v, w] = [median(cold), median(verify), median(warm)];
console.log(
  `median: cold ${c.toFixed(1)} s, warm ${w.toFixed(1)} s, verify ${v.toFixed(1)} s = ${((100 * v) / c).toFixed(0)}% of a cold build, ${((100 * v) / w).toFixed(0)}% of a warm one`,
);
