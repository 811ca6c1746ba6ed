// Audio stages benchmark (issue #16 item 4): CPU per sample procedure for each stage of an
// MP3 as a build makes it (make-mp3.ts): speech (embedded eSpeak NG sentence by sentence; the
// espeak-ng command, a process per sentence, as the native engine was; Debian's libespeak-ng in
// one speech process per script, as the native engine is now), loudness normalisation, and MP3 encoding (native `lame` and the WebAssembly
// LAME), all in one run on the same scripts and samples. Each stage runs twice and must give
// the same bytes. Commands' CPU (native espeak-ng, lame) is read from /proc/self/stat
// (children's user + system time, 10 ms ticks); this process's from process.cpuUsage().
//   npx tsx scripts/bench-audio-stages.ts [--only id/cuti-besar,id/cuti-tahunan] [--before FILE] [--ebur128] [--dump DIR]
// --before FILE: another loudness.ts (e.g. `git show main:src/render/audio/encode/loudness.ts`,
//   saved under src/render/audio/encode/ so its imports resolve), measured beside the current one.
// --ebur128: each loudness version's MP3 (native lame when installed) measured by ffmpeg.
// --dump DIR: the joined samples of each procedure, raw s16le, for profiling.
// libespeak-ng speaks in a fresh process per script (test/support/speech-process.ts), from
// TypeScript through tsx: its start costs more than a build's MP3 process (compiled JS).
// Results are recorded by hand in docs/benchmarks.md (machine, date and load included).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { VFile } from 'vfile';
import { checkDocuments } from '../src/model/check-documents.js';
import { readSite } from '../src/model/read-site.js';
import { outlinesFor } from '../src/outline/build-outline.js';
import { loadContent } from '../src/pipeline/load-content.js';
import { loadTemplates } from '../src/pipeline/load-templates.js';
import { normaliseLoudness } from '../src/render/audio/encode/loudness.js';
import { encodeMp3, mp3Encoder } from '../src/render/audio/encode/mp3.js';
import { spokenParts } from '../src/render/audio/make-mp3.js';
import { readSpeechLanguage } from '../src/render/audio/normalise/speech-language.js';
import { runPiped } from '../src/render/audio/run-command.js';
import { scriptSegments } from '../src/render/audio/script.js';
import { embeddedEngine } from '../src/render/audio/speech/embedded-engine.js';
import type { Pcm, SpeechEngine } from '../src/render/audio/speech/engine.js';
import { joinSpeech } from '../src/render/audio/speech/join.js';
import { parseWav } from '../src/render/audio/speech/wav.js';
import { loadSpeechData } from '../src/render/audio/speech-data.js';
import { speakInProcess } from '../test/support/speech-process.js';

/** The former native engine: the espeak-ng command, a process per text. */
const spawnEngine: SpeechEngine = {
  id: 'native',
  async synthesise(text, { voice, rate }) {
    return parseWav(
      await runPiped('espeak-ng', ['-v', voice, '-s', String(Math.round(rate)), '--stdout', '--stdin'], text),
    );
  },
};

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    before: { type: 'string' },
    ebur128: { type: 'boolean', default: false },
    dump: { type: 'string' },
  },
});

type Normalise = (pcm: Pcm) => Pcm;
const loudnessVersions: [string, Normalise][] = [];
if (args.before) {
  const before = (await import(pathToFileURL(resolve(args.before)).href)) as { normaliseLoudness: Normalise };
  loudnessVersions.push(['loudness before', before.normaliseLoudness]);
}
loudnessVersions.push(['loudness', normaliseLoudness]);

/** CPU of this process and of its waited-for children, in ms. */
function cpuNow(): { own: number; children: number } {
  const used = process.cpuUsage();
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
  const ticks = Number(fields[13]) + Number(fields[14]);
  return { own: (used.user + used.system) / 1000, children: ticks * 10 };
}

async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; cpuMs: number }> {
  const start = cpuNow();
  const value = await work();
  const end = cpuNow();
  return { value, cpuMs: end.own - start.own + (end.children - start.children) };
}

const same = (a: ArrayBufferView, b: ArrayBufferView) =>
  Buffer.compare(
    Buffer.from(a.buffer, a.byteOffset, a.byteLength),
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  ) === 0;

/** ffmpeg's ebur128 of an MP3: integrated loudness (LUFS) and true peak (dBTP). */
function ebur128(mp3: Uint8Array): { integrated: number; peak: number } {
  const file = join(mkdtempSync(join(tmpdir(), 'pelita-bench-')), 'audio.mp3');
  writeFileSync(file, mp3);
  const run = spawnSync(
    'ffmpeg',
    ['-hide_banner', '-nostats', '-i', file, '-af', 'ebur128=peak=true', '-f', 'null', '-'],
    { encoding: 'utf8' },
  );
  const summary = run.stderr.slice(run.stderr.lastIndexOf('Summary:'));
  return {
    integrated: Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)?.[1]),
    peak: Number(/Peak:\s+(-?[\d.]+) dBFS/.exec(summary)?.[1]),
  };
}

const contentDir = join(import.meta.dirname, '..', 'content');
const content = await loadContent(contentDir);
const templates = await loadTemplates();
const site = readSite(new VFile(), content.siteText ?? '', new Set(templates.words.keys()));
if (!site) throw new Error('sample site.yaml is invalid');
const only = args.only?.split(',');
const procedures = checkDocuments(content.documents, site, templates.words)
  .flatMap((doc) => (doc.procedure ? [doc.procedure] : []))
  .filter((procedure) => !only || only.includes(`${procedure.lang}/${procedure.slug}`));
const data = await loadSpeechData();
const outline = outlinesFor(site, templates.words);
const speechOf = (lang: string) => {
  const words = templates.words.get(lang);
  return words ? readSpeechLanguage(lang, data.languages.get(lang), words.months) : undefined;
};
if (args.dump) mkdirSync(args.dump, { recursive: true });

const espeak = spawnSync('espeak-ng', ['--version'], { encoding: 'utf8' }).stdout?.trim();
console.log(
  `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}; ${espeak}; default mp3 encoder ${mp3Encoder().version}`,
);
await embeddedEngine.synthesise('halo', { voice: 'id', rate: 150 }); // makes this thread's instance

const totals = new Map<string, number>();
const add = (stage: string, cpuMs: number) => totals.set(stage, (totals.get(stage) ?? 0) + cpuMs);
let seconds = 0;
for (const procedure of procedures) {
  const words = templates.words.get(procedure.lang);
  if (!words) continue;
  const speech = readSpeechLanguage(procedure.lang, data.languages.get(procedure.lang), words.months);
  const segments = scriptSegments({ outline: outline(procedure), words, speech, lexicon: data.lexicon, speechOf });
  const { texts, pauses } = spokenParts(segments, Object.fromEntries(data.pronunciations.get(speech.voice) ?? []));
  const voice = { voice: speech.voice, rate: speech.rate };
  const speak = async (engine: SpeechEngine) => {
    const parts: Pcm[] = [];
    for (const text of texts) parts.push(await engine.synthesise(text, voice));
    return joinSpeech(parts, pauses).pcm;
  };
  const row: string[] = [];
  const stage = async <T extends ArrayBufferView | Pcm>(name: string, work: () => Promise<T> | T) => {
    const first = await timed(work);
    const again = await timed(work);
    const bytes = (value: ArrayBufferView | Pcm): ArrayBufferView => ('samples' in value ? value.samples : value);
    if (!same(bytes(first.value), bytes(again.value))) throw new Error(`${name}: two runs gave other bytes`);
    const cpuMs = Math.min(first.cpuMs, again.cpuMs);
    add(name, cpuMs);
    row.push(`${name} ${cpuMs.toFixed(0)}`);
    return first.value;
  };
  const pcm = await stage('speech embedded', () => speak(embeddedEngine));
  const spawned = await stage('speech espeak-ng per sentence', () => speak(spawnEngine));
  const library = await stage(
    'speech libespeak-ng per script',
    async () => joinSpeech(await speakInProcess(texts, voice), pauses).pcm,
  );
  const samples = (a: Pcm, b: Pcm) =>
    same(a.samples, b.samples) ? 'same samples' : `${a.samples.length} vs ${b.samples.length} samples`;
  row.push(`(library vs command: ${samples(library, spawned)}; command vs embedded: ${samples(spawned, pcm)})`);
  if (args.dump) writeFileSync(join(args.dump, `${procedure.lang}-${procedure.slug}.s16`), pcm.samples);
  let loud = pcm;
  for (const [name, normalise] of loudnessVersions) {
    loud = await stage(name, () => normalise(pcm));
    if (args.ebur128) {
      const { integrated, peak } = ebur128(await encodeMp3(loud));
      row.push(`(${integrated} LUFS, ${peak} dBTP)`);
    }
  }
  if (mp3Encoder().id === 'native')
    await stage('encode lame', () => encodeMp3(loud, { bitrate: 48, encoder: 'native' }));
  await stage('encode embedded', () => encodeMp3(loud, { bitrate: 48, encoder: 'embedded' }));
  seconds += pcm.samples.length / pcm.sampleRate;
  console.log(
    `${procedure.lang}/${procedure.slug} (${(pcm.samples.length / pcm.sampleRate).toFixed(0)} s): ${row.join(', ')} ms CPU`,
  );
}
const n = procedures.length;
console.log(
  `mean per procedure (${n}; ${(seconds / n).toFixed(0)} s of speech), ms CPU: ${[...totals]
    .map(([name, total]) => `${name} ${(total / n).toFixed(0)}`)
    .join(', ')}; load now ${loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')}`,
);
