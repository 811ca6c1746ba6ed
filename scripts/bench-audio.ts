// Audio benchmark: time per sample procedure for the script, each speech engine and the
// MP3 encoder, measured separately (the cache is not involved). The embedded engine is
// measured before and after keeping one eSpeak NG per thread: "fresh" is the former engine
// (npm `espeak-ng`, kept as a dev dependency for this comparison: a new 18 MB module per
// call), "reused" the current one (`@echogarden/espeak-ng-emscripten`, one instance).
// The MP3 encoders are compared the same way, on the same joined samples: the embedded LAME
// created for every file (before), created once per thread (after), and the native `lame`
// and ffmpeg's libmp3lame as child processes (their CPU measured with /usr/bin/time).
//   npx tsx scripts/bench-audio.ts          (everything)
//   npx tsx scripts/bench-audio.ts --mp3    (only the encoders; the speech made once)
// Results are recorded by hand in docs/benchmarks.md (machine, date and load included).
import { spawn, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { checkDocuments } from '../src/model/check-documents.js';
import { readSite } from '../src/model/read-site.js';
import { outlinesFor } from '../src/outline/build-outline.js';
import { loadContent } from '../src/pipeline/load-content.js';
import { loadTemplates } from '../src/pipeline/load-templates.js';
import { DEFAULT_MP3_OPTIONS, encodeMp3 } from '../src/render/audio/encode/mp3.js';
import { forVoice } from '../src/render/audio/normalise/pronunciation.js';
import { readSpeechLanguage } from '../src/render/audio/normalise/speech-language.js';
import { scriptSegments } from '../src/render/audio/script.js';
import { embeddedEngine } from '../src/render/audio/speech/embedded-engine.js';
import type { Pcm, SpeechEngine, VoiceOptions } from '../src/render/audio/speech/engine.js';
import { joinSpeech } from '../src/render/audio/speech/join.js';
import { parseWav } from '../src/render/audio/speech/wav.js';
import { loadSpeechData } from '../src/render/audio/speech-data.js';
import { speakInProcess } from '../test/support/speech-process.js';

const espeakArguments = ({ voice, rate }: VoiceOptions) => ['-v', voice, '-s', String(Math.round(rate))];

/** The former embedded engine: the espeak-ng command in a fresh module instance per call. */
const wasmApi = (
  globalThis as unknown as {
    WebAssembly: { compile(b: Uint8Array): Promise<object>; instantiate(m: object, i: object): Promise<object> };
  }
).WebAssembly;
// @ts-expect-error: the package ships no type declarations
const freshFactory = (await import('espeak-ng')).default as (options: object) => Promise<{
  FS: { writeFile(path: string, data: string): void; readFile(path: string): Uint8Array };
}>;
const freshWasm = await wasmApi.compile(
  await readFile(fileURLToPath(import.meta.resolve('espeak-ng/dist/espeak-ng.wasm'))),
);
const freshEngine: SpeechEngine = {
  id: 'embedded',
  async synthesise(text, options) {
    const module = await freshFactory({
      arguments: [...espeakArguments(options), '-w', '/out.wav', '-f', '/in.txt'],
      instantiateWasm: (imports: object, done: (instance: object, module: object) => void) => {
        wasmApi.instantiate(freshWasm, imports).then((instance) => done(instance, freshWasm));
        return {};
      },
      preRun: [(instance: { FS: { writeFile(p: string, d: string): void } }) => instance.FS.writeFile('/in.txt', text)],
      print: () => {},
      printErr: () => {},
    });
    return parseWav(module.FS.readFile('/out.wav'));
  },
};

/** The encoder before: a new LAME WebAssembly instance per file. */
async function encodeMp3Fresh(pcm: Pcm): Promise<Uint8Array> {
  const { createMp3Encoder } = await import('wasm-media-encoders');
  const encoder = await createMp3Encoder();
  encoder.configure({ sampleRate: pcm.sampleRate, channels: 1, bitrate: DEFAULT_MP3_OPTIONS.bitrate });
  const chunks: Uint8Array[] = [];
  const block = 1152 * 64;
  for (let start = 0; start < pcm.samples.length; start += block) {
    const slice = pcm.samples.subarray(start, start + block);
    const floats = new Float32Array(slice.length);
    for (let i = 0; i < slice.length; i++) floats[i] = (slice[i] as number) / 32768;
    chunks.push(encoder.encode([floats]).slice());
  }
  chunks.push(encoder.finalize().slice());
  return Buffer.concat(chunks);
}

/** A command given the samples (s16le) on stdin: its stdout, and its CPU by /usr/bin/time. */
function childEncode(command: string[], pcm: Pcm): Promise<{ mp3: Uint8Array; cpuMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'CPU %U %S', ...command], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const match = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(err);
      if (code !== 0 || !match) return reject(new Error(`${command[0]} failed (${code}): ${err.slice(-300)}`));
      resolve({ mp3: Buffer.concat(out), cpuMs: (Number(match[1]) + Number(match[2])) * 1000 });
    });
    child.stdin.end(Buffer.from(pcm.samples.buffer, pcm.samples.byteOffset, pcm.samples.byteLength));
  });
}
const rate = (pcm: Pcm) => String(pcm.sampleRate / 1000);
const lameArgs = (pcm: Pcm, quality: string[]) => [
  'lame',
  '--quiet',
  '-r',
  '-s',
  rate(pcm),
  '-m',
  'm',
  '--bitwidth',
  '16',
  '--signed',
  '--little-endian',
  '-b',
  String(DEFAULT_MP3_OPTIONS.bitrate),
  '--cbr',
  ...quality,
  '-t',
  '--noreplaygain',
  '-',
  '-',
];
const ffmpegArgs = (pcm: Pcm) => [
  'ffmpeg',
  '-hide_banner',
  '-loglevel',
  'error',
  '-f',
  's16le',
  '-ar',
  String(pcm.sampleRate),
  '-ac',
  '1',
  '-i',
  '-',
  '-c:a',
  'libmp3lame',
  '-b:a',
  `${DEFAULT_MP3_OPTIONS.bitrate}k`,
  '-write_xing',
  '0',
  '-id3v2_version',
  '0',
  '-fflags',
  '+bitexact',
  '-f',
  'mp3',
  '-',
];
type Encoder = 'fresh' | 'reused' | 'lameQ3' | 'lameQ7' | 'ffmpeg';
const encoders: Record<Encoder, (pcm: Pcm) => Promise<{ mp3: Uint8Array; cpuMs: number; ms: number }>> = {
  fresh: async (pcm) => {
    const run = await timed(() => encodeMp3Fresh(pcm));
    return { mp3: run.value, cpuMs: run.cpuMs, ms: run.ms };
  },
  reused: async (pcm) => {
    const run = await timed(() => encodeMp3(pcm, { ...DEFAULT_MP3_OPTIONS, encoder: 'embedded' }));
    return { mp3: run.value, cpuMs: run.cpuMs, ms: run.ms };
  },
  lameQ3: async (pcm) => {
    const run = await timed(() => childEncode(lameArgs(pcm, ['-q', '3']), pcm));
    return { ...run.value, ms: run.ms };
  },
  lameQ7: async (pcm) => {
    const run = await timed(() => childEncode(lameArgs(pcm, ['-q', '7']), pcm));
    return { ...run.value, ms: run.ms };
  },
  ffmpeg: async (pcm) => {
    const run = await timed(() => childEncode(ffmpegArgs(pcm), pcm));
    return { ...run.value, ms: run.ms };
  },
};
const mp3Only = process.argv.includes('--mp3');

const contentDir = join(import.meta.dirname, '..', 'content');
const content = await loadContent(contentDir);
const templates = await loadTemplates();
const site = readSite(new VFile(), content.siteText ?? '', new Set(templates.words.keys()));
if (!site) throw new Error('sample site.yaml is invalid');
const procedures = checkDocuments(content.documents, site, templates.words).flatMap((doc) =>
  doc.procedure ? [doc.procedure] : [],
);
const data = await loadSpeechData();
const outline = outlinesFor(site, templates.words);

const espeak = spawnSync('espeak-ng', ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(
  `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}; ${espeak}`,
);

const timed = async <T>(work: () => Promise<T>) => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
};
if (!mp3Only) {
  const halo = { voice: 'id', rate: 150 };
  await freshEngine.synthesise('halo', halo);
  const firstReused = await timed(() => embeddedEngine.synthesise('halo', halo)); // makes this thread's instance
  const calls = 10;
  const perCall = async (engine: SpeechEngine) => {
    const run = await timed(async () => {
      for (let i = 0; i < calls; i++) await engine.synthesise('halo', halo);
    });
    return { ms: run.ms / calls, cpuMs: run.cpuMs / calls };
  };
  const [freshCall, reusedCall, nativeCall] = [
    await perCall(freshEngine),
    await perCall(embeddedEngine),
    await perCall({ id: 'native', synthesise: async (text, voice) => (await speakInProcess([text], voice))[0] as Pcm }),
  ];
  console.log(
    `one word ("halo"), mean of ${calls}: fresh module ${freshCall.ms.toFixed(0)} ms wall / ${freshCall.cpuMs.toFixed(0)} ms cpu; reused instance ${reusedCall.ms.toFixed(1)} ms wall / ${reusedCall.cpuMs.toFixed(1)} ms cpu (first call, making the instance: ${firstReused.ms.toFixed(0)} ms); native ${nativeCall.ms.toFixed(1)} ms wall`,
  );
}

type Row = 'script' | 'freshSegments' | 'reusedSegments' | 'reusedSentences' | 'nativeSentences' | 'encode';
const totals = { wall: {} as Record<Row, number>, cpu: {} as Record<Row, number>, audio: 0, sentences: 0, segments: 0 };
const add = (row: Row, { ms, cpuMs }: { ms: number; cpuMs: number }) => {
  totals.wall[row] = (totals.wall[row] ?? 0) + ms;
  totals.cpu[row] = (totals.cpu[row] ?? 0) + cpuMs;
};
const encoderTotals = {} as Record<Encoder, { cpuMs: number; ms: number }>;
const pronunciations = new Map(data.pronunciations.get('id') ?? []);
const speechOf = (lang: string) => {
  const words = templates.words.get(lang);
  return words ? readSpeechLanguage(lang, data.languages.get(lang), words.months) : undefined;
};
for (const procedure of procedures) {
  const words = templates.words.get(procedure.lang);
  if (!words) continue;
  const speech = readSpeechLanguage(procedure.lang, data.languages.get(procedure.lang), words.months);
  const script = await timed(async () =>
    scriptSegments({ outline: outline(procedure), words, speech, lexicon: data.lexicon, speechOf }),
  );
  const voice = { voice: speech.voice, rate: speech.rate };
  const segments = script.value.map((segment) => forVoice(segment.spoken, pronunciations));
  const sentences = script.value.flatMap((segment) =>
    segment.sentences.map((sentence) => forVoice(sentence.spoken, pronunciations)),
  );
  const each = (engine: SpeechEngine, texts: string[]) =>
    timed(async () => {
      const parts: Pcm[] = [];
      for (const text of texts) parts.push(await engine.synthesise(text, voice));
      return parts;
    });
  const reusedSentences = await each(embeddedEngine, sentences);
  const joined = joinSpeech(
    reusedSentences.value,
    reusedSentences.value.map(() => 0.4),
  ).pcm;
  const seconds = joined.samples.length / joined.sampleRate;
  const sizes: string[] = [];
  for (const [name, encode] of Object.entries(encoders) as [Encoder, (typeof encoders)[Encoder]][]) {
    const run = await encode(joined);
    const again = name === 'reused' ? await encode(joined) : undefined;
    if (again && Buffer.compare(again.mp3, run.mp3) !== 0) throw new Error('the reused encoder gave other bytes');
    encoderTotals[name] = {
      cpuMs: (encoderTotals[name]?.cpuMs ?? 0) + run.cpuMs,
      ms: (encoderTotals[name]?.ms ?? 0) + run.ms,
    };
    sizes.push(`${name} ${run.cpuMs.toFixed(0)} ms cpu (${run.mp3.length} B)`);
  }
  if (Buffer.compare((await encoders.fresh(joined)).mp3, (await encoders.reused(joined)).mp3) !== 0)
    throw new Error('fresh and reused encoders differ');
  totals.audio += seconds;
  totals.sentences += sentences.length;
  totals.segments += segments.length;
  add('script', script);
  add('reusedSentences', reusedSentences);
  if (mp3Only) {
    console.log(`${procedure.lang}/${procedure.slug}: ${seconds.toFixed(0)} s; mp3: ${sizes.join(', ')}`);
    continue;
  }
  const encoded = await timed(() => encodeMp3(joined)); // as a build does: native lame when installed
  const fresh = await each(freshEngine, segments);
  const reused = await each(embeddedEngine, segments);
  // One speech process for the whole script (its CPU is the child's: scripts/bench-speech.ts measures it).
  const native = await timed(() => speakInProcess(sentences, voice));
  add('freshSegments', fresh);
  add('reusedSegments', reused);
  add('nativeSentences', native);
  add('encode', encoded);
  console.log(
    `${procedure.lang}/${procedure.slug}: ${seconds.toFixed(0)} s, ${segments.length} segments, ${sentences.length} sentences; script ${script.ms.toFixed(0)} ms; cpu: fresh per segment ${fresh.cpuMs.toFixed(0)} ms, reused per segment ${reused.cpuMs.toFixed(0)} ms, reused per sentence ${reusedSentences.cpuMs.toFixed(0)} ms; native (libespeak-ng, one process) ${native.ms.toFixed(0)} ms wall; mp3 ${encoded.cpuMs.toFixed(0)} ms cpu`,
  );
}
const n = procedures.length;
console.log(
  `mp3 encoders, mean per procedure (${n}; ${(totals.audio / n).toFixed(0)} s of speech): ${(
    Object.entries(encoderTotals) as [Encoder, { cpuMs: number; ms: number }][]
  )
    .map(([name, t]) => `${name} ${(t.cpuMs / n).toFixed(0)} ms cpu / ${(t.ms / n).toFixed(0)} ms wall`)
    .join('; ')}`,
);
if (mp3Only) process.exit(0);
const mean = (row: Row) => `${(totals.wall[row] / n).toFixed(0)} ms wall / ${(totals.cpu[row] / n).toFixed(0)} ms cpu`;
console.log(
  `mean per procedure (${n}; ${(totals.audio / n).toFixed(0)} s of speech, ${(totals.segments / n).toFixed(1)} segments, ${(totals.sentences / n).toFixed(1)} sentences): script ${mean('script')}; embedded fresh module per segment (before) ${mean('freshSegments')}; reused instance per segment ${mean('reusedSegments')}; reused instance per sentence (after) ${mean('reusedSentences')}; native (libespeak-ng, one process) ${(totals.wall.nativeSentences / n).toFixed(0)} ms wall; mp3 ${mean('encode')}`,
);
