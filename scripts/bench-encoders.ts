// Encoders side by side (issue #16 item 4): the same speech, 22.05 kHz mono 16-bit, encoded
// by each candidate command, the CPU of each (the smallest of three runs, children's user +
// system time from /proc/self/stat), the file's size and, for MP3, the signal-to-noise ratio
// of the decoded file against the input (ffmpeg decodes; the encoder's delay found by
// correlation). SNR is no perceptual measure, but it shows an encoder that damages the speech.
//   npx tsx scripts/bench-encoders.ts DIR
// DIR: raw s16le files of whole scripts, as `bench-audio-stages.ts --dump DIR` writes them.
// Results are recorded by hand in docs/benchmarks.md (machine, date and load included).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, endianness, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx scripts/bench-encoders.ts DIR   (raw s16le files, 22.05 kHz mono)');
  process.exit(2);
}
const RATE = 22050;
const inputs = readdirSync(dir)
  .filter((name) => name.endsWith('.s16') || name.endsWith('.raw'))
  .sort()
  .map((name) => join(dir, name));
const out = mkdtempSync(join(tmpdir(), 'pelita-encoders-'));
const RAW_IN = ['-f', 's16le', '-ar', String(RATE), '-ac', '1'];
interface Command {
  program: string;
  args: string[];
  /** A file given on stdin. */
  stdin?: string;
}
// lame reads the samples from stdin, as Pelita gives them: its libsndfile path would seek in a raw file.
const lame =
  (quality: string) =>
  (input: string, output: string): Command => ({
    program: 'lame',
    stdin: input,
    args: [
      '--quiet',
      '-r',
      '-s',
      String(RATE / 1000),
      '-m',
      'm',
      '--bitwidth',
      '16',
      '--signed',
      endianness() === 'LE' ? '--little-endian' : '--big-endian',
      '-b',
      '48',
      '--cbr',
      '-q',
      quality,
      '-t',
      '--noreplaygain',
      '-',
      output,
    ],
  });
const ffmpeg =
  (...codec: string[]) =>
  (input: string, output: string): Command => ({
    program: 'ffmpeg',
    args: ['-v', 'error', '-y', ...RAW_IN, '-i', input, ...codec, output],
  });

/** Each candidate: its command for (input, output), and the output's extension. */
const CANDIDATES: [name: string, ext: string, command: (input: string, output: string) => Command][] = [
  ['lame -q 7, 48 kbit/s CBR (what Pelita runs)', 'mp3', lame('7')],
  ['lame -q 9', 'mp3', lame('9')],
  ['lame -q 3 (LAME default)', 'mp3', lame('3')],
  [
    'ffmpeg libmp3lame, 48 kbit/s, compression_level 7',
    'mp3',
    ffmpeg('-c:a', 'libmp3lame', '-b:a', '48k', '-compression_level', '7'),
  ],
  [
    'ffmpeg libshine (fixed point), 40 kbit/s (48 not accepted at 22.05 kHz)',
    'mp3',
    ffmpeg('-c:a', 'libshine', '-b:a', '40k'),
  ],
  [
    'ffmpeg libopus, 24 kbit/s, application voip',
    'opus',
    ffmpeg('-c:a', 'libopus', '-b:a', '24k', '-application', 'voip'),
  ],
  [
    'ffmpeg libopus, 32 kbit/s, compression_level 5',
    'opus',
    ffmpeg('-c:a', 'libopus', '-b:a', '32k', '-compression_level', '5'),
  ],
  ['ffmpeg libopus, 32 kbit/s, compression_level 10 (default)', 'opus', ffmpeg('-c:a', 'libopus', '-b:a', '32k')],
  [
    'ffmpeg reading the samples only (its start and read: part of every ffmpeg row)',
    'null',
    (input) => ({ program: 'ffmpeg', args: ['-v', 'error', ...RAW_IN, '-i', input, '-f', 'null', '-'] }),
  ],
];

/** CPU of this process's waited-for children, in ms (10 ms ticks). */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function run({ program, args, stdin }: Command): number {
  const input = stdin === undefined ? undefined : readFileSync(stdin);
  const start = childrenCpuMs();
  // stderr kept for a failure only: lame warns on every raw input that libsndfile might seek in it.
  const done = spawnSync(program, args, { input, stdio: [input ? 'pipe' : 'ignore', 'ignore', 'pipe'] });
  if (done.status !== 0) throw new Error(`${program} ${args.join(' ')} failed (${done.status}): ${done.stderr}`);
  return childrenCpuMs() - start;
}

function samplesOf(buffer: Buffer): Int16Array {
  return new Int16Array(buffer.buffer, buffer.byteOffset, buffer.length >> 1);
}

/** SNR in dB of the decoded file against the input, at the delay (0…4,000 samples) that correlates best over the first 10 s. */
function snr(input: string, encoded: string): number {
  const reference = samplesOf(readFileSync(input));
  const decoded = spawnSync(
    'ffmpeg',
    ['-v', 'error', '-i', encoded, '-f', 's16le', '-ar', String(RATE), '-ac', '1', '-'],
    {
      maxBuffer: 1 << 30,
    },
  );
  const output = samplesOf(decoded.stdout);
  const window = Math.min(10 * RATE, reference.length);
  let best = { lag: 0, correlation: Number.NEGATIVE_INFINITY };
  for (let lag = 0; lag < 4000 && lag + window <= output.length; lag++) {
    let correlation = 0;
    for (let i = 0; i < window; i++) correlation += (reference[i] as number) * (output[lag + i] as number);
    if (correlation > best.correlation) best = { lag, correlation };
  }
  const n = Math.min(reference.length, output.length - best.lag);
  let signal = 0;
  let noise = 0;
  for (let i = 0; i < n; i++) {
    const x = reference[i] as number;
    const e = x - (output[best.lag + i] as number);
    signal += x * x;
    noise += e * e;
  }
  return 10 * Math.log10(signal / noise);
}

const seconds = inputs.reduce((sum, input) => sum + statSync(input).size / 2 / RATE, 0);
console.log(
  `${new Date().toISOString()} · node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB · load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
);
console.log(`${inputs.length} scripts, ${(seconds / inputs.length).toFixed(0)} s of speech each on average`);
console.log('| encoder | CPU per script | size per script | SNR (MP3) |\n|---|---|---|---|');
for (const [name, ext, command] of CANDIDATES) {
  let cpu = 0;
  let size = 0;
  const ratios: number[] = [];
  for (const input of inputs) {
    const output = join(out, `${input.split('/').at(-1)}.${ext}`);
    cpu += Math.min(...[0, 1, 2].map(() => run(command(input, output))));
    if (ext === 'null') continue;
    size += statSync(output).size;
    if (ext === 'mp3') ratios.push(snr(input, output));
  }
  const mean = ratios.length ? `${(ratios.reduce((a, b) => a + b, 0) / ratios.length).toFixed(1)} dB` : '—';
  const kib = ext === 'null' ? '—' : `${Math.round(size / inputs.length / 1024)} KiB`;
  console.log(`| ${name} | ${Math.round(cpu / inputs.length)} ms | ${kib} | ${mean} |`);
}
console.log(
  `load after: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
