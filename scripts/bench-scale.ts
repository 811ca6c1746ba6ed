// Scale benchmark (issue #16): a realistic corpus of N procedures, a quarter of them also
// in Javanese, built by the CLI as a user runs it, cold, with nothing changed, and with one
// procedure edited. Each run is its own process under /usr/bin/time -v: wall time, CPU
// time (user + system, children included) and peak RSS.
//   npx tsx scripts/bench-scale.ts N [--editions html,pdf] [--per-edition] [--cpus 0] [--keep]
//     [--cli dist/cli/main.js] [--before OTHER/dist/cli/main.js] [--profile DIR] [--profile-edited DIR]
//     [-- BUILD OPTIONS…]
// After `--`: options given to every build (e.g. `-- --braille-engine native`).
// --before: each run also with another Pelita (e.g. main's), alternating, on the same corpus.
// --profile: a CPU profile (node --cpu-prof) of the cold build into DIR.
// --profile-edited: the same of the build with one procedure edited.
// --per-edition: also one cold build per edition (each alone, into its own folder).
// --phases: also one cold build (into its own folder) through scripts/memory-phases.mjs: the
//   live heap and RSS at the end of each stage of the build (render loop, verify, each site
//   renderer, commit), to see which part grows with N.
// --cpus 0: run the builds under `taskset -c 0` (one core) to measure the speed-up.
// Also prints the largest page of the site index (a language's or a unit's), before and after.
// Results are recorded by hand in docs/benchmarks.md (machine, date and load included).
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const dashes = process.argv.indexOf('--', 2);
const args = process.argv.slice(2, dashes < 0 ? undefined : dashes);
const buildOptions = dashes < 0 ? [] : process.argv.slice(dashes + 1);
const n = Number(args[0] ?? 10);
if (args.includes('--help') || !Number.isInteger(n) || n < 1) {
  // The usage is this file's opening comment.
  const usage = readFileSync(new URL(import.meta.url), 'utf8').split('\nimport ')[0] ?? '';
  console.log(usage.replace(/^\/\/ ?/gm, ''));
  process.exit(args.includes('--help') ? 0 : 2);
}
const option = (name: string) => {
  const index = args.indexOf(name);
  return index < 0 ? undefined : args[index + 1];
};
const editions = option('--editions');
const cpuList = option('--cpus');
const repo = join(import.meta.dirname, '..');
const sample = join(repo, 'content');
// --cli: another build of Pelita (e.g. main's dist/cli/main.js) to compare "before" with "after".
const cli = option('--cli') ?? join(repo, 'dist/cli/main.js');

/**
 * N procedures from the 12 sample procedures of varied length and structure: each copy
 * under its own slug, with its own title, unit, review date and introduction; every fourth
 * is one of the 4 sample procedures that have a Javanese translation, and gets it too.
 */
function makeCorpus(count: number): { dir: string; documents: number; edited: string } {
  const dir = mkdtempSync(join(tmpdir(), `pelita-scale-${count}-`));
  cpSync(join(sample, 'site.yaml'), join(dir, 'site.yaml'));
  mkdirSync(join(dir, 'id'));
  mkdirSync(join(dir, 'jv'));
  const originals = readdirSync(join(sample, 'id')).sort();
  const translated = readdirSync(join(sample, 'jv')).sort();
  const units = [
    'Bidang Mutasi',
    'Bidang Pengembangan Kompetensi',
    'Sekretariat',
    'UPT Pelayanan Terpadu',
    'Kecamatan',
  ];
  let documents = 0;
  for (let i = 0; i < count; i++) {
    const withTranslation = i % 4 === 0;
    const base = withTranslation ? translated[(i / 4) % translated.length] : originals[i % originals.length];
    if (!base) throw new Error('sample has no procedures');
    const slug = base.replace(/\.md$/, `-${i + 1}`);
    const vary = (text: string) =>
      text
        .replace(/^title: (.*)$/m, `title: $1 (${i + 1})`)
        .replace(/^unit: .*$/m, `unit: ${units[i % units.length]}`)
        .replace(
          /^updated: \d{4}-\d\d-\d\d$/m,
          `updated: 2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        )
        .replace(/^---\n\n/m, `---\n\n${i % 3 === 0 ? `Layanan nomor ${i + 1} di unit ini.\n\n` : ''}`);
    writeFileSync(join(dir, 'id', `${slug}.md`), vary(readFileSync(join(sample, 'id', base), 'utf8')));
    documents++;
    if (withTranslation) {
      writeFileSync(join(dir, 'jv', `${slug}.md`), vary(readFileSync(join(sample, 'jv', base), 'utf8')));
      documents++;
    }
  }
  return { dir, documents, edited: join(dir, 'id', `${originals[1]?.replace(/\.md$/, '')}-2.md`) };
}

interface Run {
  wall: number;
  cpu: number;
  rssMiB: number;
  status: number | null;
}

function build(content: string, out: string, chosen: string | undefined, which = cli, profile?: string): Run {
  const command = [
    ...(cpuList === undefined ? [] : ['taskset', '-c', cpuList]),
    process.execPath,
    ...(profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : []),
    which,
    'build',
    '--quiet',
    '--content',
    content,
    '--out',
    out,
    ...(chosen ? ['--editions', chosen] : []),
    ...buildOptions,
  ];
  const result = spawnSync('/usr/bin/time', ['-v', ...command], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const field = (name: string) => Number(new RegExp(`${name}: (.*)`).exec(result.stderr)?.[1] ?? Number.NaN);
  const wallText = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.*)/.exec(result.stderr)?.[1] ?? '';
  const wall = wallText.split(':').reduce((total, part) => total * 60 + Number(part), 0);
  const run = {
    wall,
    cpu: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'),
    rssMiB: field('Maximum resident set size \\(kbytes\\)') / 1024,
    status: result.status,
  };
  if (result.status !== 0) console.error(result.stderr.split('\n').slice(-20).join('\n'));
  return run;
}

/** The cache manifest's files (the index, and its parts when in parts) with their modification times. */
function cacheFiles(out: string): Map<string, { mtimeMs: number; size: number }> {
  const paths = ['.pelita-cache.json'];
  if (existsSync(join(out, '.pelita-cache')))
    paths.push(...readdirSync(join(out, '.pelita-cache')).map((name) => `.pelita-cache/${name}`));
  return new Map(
    paths.filter((path) => existsSync(join(out, path))).map((path) => [path, statSync(join(out, path))] as const),
  );
}
/** Bytes of the cache manifest's files written by `run` (new, or modified since before it). */
function cacheBytesWritten(out: string, run: () => void): string {
  const before = cacheFiles(out);
  run();
  let bytes = 0;
  let files = 0;
  for (const [path, info] of cacheFiles(out)) {
    if (before.get(path)?.mtimeMs === info.mtimeMs) continue;
    bytes += info.size;
    files++;
  }
  return `${bytes.toLocaleString('en')} bytes in ${files} file${files === 1 ? '' : 's'}`;
}

/** The largest page of the site index (not a procedure's page): what grows with the corpus if anything does. */
function largestIndexPage(out: string): string {
  let largest = { path: '(none)', size: 0 };
  const procedurePage = /^[^/]+\/[^/]+\/[^/]+$/;
  for (const path of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
    if (!path.endsWith('.html') || (procedurePage.test(path) && !path.startsWith('unit/'))) continue;
    const size = statSync(join(out, path)).size;
    if (size > largest.size) largest = { path, size };
  }
  return `${largest.size.toLocaleString('en')} bytes (${largest.path})`;
}

const show = (label: string, run: Run) =>
  console.log(
    `| ${label} | ${run.wall.toFixed(1)} s | ${run.cpu.toFixed(1)} s | ${run.rssMiB.toFixed(0)} MiB | ${run.status === 0 ? 'ok' : `exit ${run.status}`} |`,
  );

console.log(
  `${new Date().toISOString()} · node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB · load ${loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')}${cpuList === undefined ? '' : ` · taskset -c ${cpuList}`}`,
);
const corpus = makeCorpus(n);
console.log(`N = ${n}: ${corpus.documents} documents · editions ${editions ?? 'all'}`);
const out = mkdtempSync(join(tmpdir(), 'pelita-scale-out-'));
rmSync(out, { recursive: true });
const profile = option('--profile');
const profileEdited = option('--profile-edited');
const before = option('--before');
const text = readFileSync(corpus.edited, 'utf8');
const edit = () => writeFileSync(corpus.edited, text.replace(/^summary: (.*)$/m, 'summary: $1 Diperbarui.'));
if (before) {
  // --before CLI: the same corpus built by another Pelita into its own folder, run for run in
  // alternation (before first, then after first, …), so both see the same load.
  const old = `${out}-before`;
  const cell = (run: Run) =>
    `${run.wall.toFixed(1)} s | ${run.cpu.toFixed(1)} s | ${run.rssMiB.toFixed(0)} MiB${run.status === 0 ? '' : ` (exit ${run.status})`}`;
  console.log(
    '| run | before: wall | CPU | peak RSS | after: wall | CPU | peak RSS | load (1 min) |\n|---|---|---|---|---|---|---|---|',
  );
  const pair = (label: string, beforeFirst: boolean) => {
    const runs: Record<string, Run> = {};
    for (const which of beforeFirst ? ['before', 'after'] : ['after', 'before'])
      runs[which] =
        which === 'before'
          ? build(corpus.dir, old, editions, before)
          : build(corpus.dir, out, editions, cli, { cold: profile, 'one edited': profileEdited }[label]);
    console.log(
      `| ${label} | ${cell(runs.before as Run)} | ${cell(runs.after as Run)} | ${loadavg()[0]?.toFixed(1)} |`,
    );
  };
  pair('cold', true);
  pair('nothing changed', false);
  edit();
  const written: Record<string, string> = {};
  written.after = cacheBytesWritten(out, () => {
    written.before = cacheBytesWritten(old, () => pair('one edited', true));
  });
  console.log(`cache manifest written by the one-edited build: before ${written.before} · after ${written.after}`);
  console.log(`largest index page: before ${largestIndexPage(old)} · after ${largestIndexPage(out)}`);
  rmSync(old, { recursive: true, force: true });
} else {
  console.log('| run | wall | CPU | peak RSS | result |\n|---|---|---|---|---|');
  show('cold', build(corpus.dir, out, editions, cli, profile));
  show('nothing changed', build(corpus.dir, out, editions));
  edit();
  const written = cacheBytesWritten(out, () =>
    show('one edited', build(corpus.dir, out, editions, cli, profileEdited)),
  );
  console.log(`cache manifest written by the one-edited build: ${written}`);
  console.log(`largest index page: ${largestIndexPage(out)}`);
}
if (args.includes('--per-edition')) {
  for (const edition of (editions ?? 'html,pdf,braille,pictogram,audio').split(',')) {
    const alone = mkdtempSync(join(tmpdir(), 'pelita-scale-edition-'));
    rmSync(alone, { recursive: true });
    show(`cold, --editions ${edition}`, build(corpus.dir, alone, edition));
    rmSync(alone, { recursive: true, force: true });
  }
}
console.log(
  `load after: ${loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')}`,
);
if (args.includes('--phases')) {
  const alone = mkdtempSync(join(tmpdir(), 'pelita-scale-phases-'));
  rmSync(alone, { recursive: true });
  const script = join(repo, 'scripts/memory-phases.mjs');
  const pipeline = join(cli, '../../pipeline/build.js');
  const phases = spawnSync(process.execPath, ['--expose-gc', script, corpus.dir, alone, editions ?? '', pipeline], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  console.log(`cold build, stage by stage (${pipeline}):\n${phases.stdout}`);
  if (phases.status !== 0) console.error(phases.stderr.split('\n').slice(-20).join('\n'));
  rmSync(alone, { recursive: true, force: true });
}
if (args.includes('--keep')) console.log(`kept: corpus ${corpus.dir} · output ${out}`);
else {
  rmSync(out, { recursive: true, force: true });
  rmSync(corpus.dir, { recursive: true, force: true });
}
