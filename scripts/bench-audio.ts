// Audio benchmark: time per sample procedure for the script, each speech engine and the
// MP3 encoder, measured separately (the cache is not involved). The embedded engine is
// measured before and after keeping one eSpeak NG per thread: "fresh" is the former engine
// (npm `espeak-ng`, kept as a dev dependency for this comparison: a new 18 MB module per
// call), "reused" the current one (`@echogarden/espeak-ng-emscripten`, one instance).
//   npx tsx scripts/bench-audio.ts
// Results are recorded by hand in docs/benchmarks.md (machine, date and load included).
import { spawnSync } from 'node:child_process';
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
import { encodeMp3 } from '../src/render/audio/encode/mp3.js';
import { forVoice } from '../src/render/audio/normalise/pronunciation.js';
import { readSpeechLanguage } from '../src/render/audio/normalise/speech-language.js';
import { scriptSegments } from '../src/render/audio/script.js';
import { embeddedEngine } from '../src/render/audio/speech/embedded-engine.js';
import { espeakArguments, type Pcm, type SpeechEngine } from '../src/render/audio/speech/engine.js';
import { joinSpeech } from '../src/render/audio/speech/join.js';
import { nativeEngine } from '../src/render/audio/speech/native-engine.js';
import { parseWav } from '../src/render/audio/speech/wav.js';
import { loadSpeechData } from '../src/render/audio/speech-data.js';

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
  await perCall(nativeEngine),
];
console.log(
  `one word ("halo"), mean of ${calls}: fresh module ${freshCall.ms.toFixed(0)} ms wall / ${freshCall.cpuMs.toFixed(0)} ms cpu; reused instance ${reusedCall.ms.toFixed(1)} ms wall / ${reusedCall.cpuMs.toFixed(1)} ms cpu (first call, making the instance: ${firstReused.ms.toFixed(0)} ms); native ${nativeCall.ms.toFixed(1)} ms wall`,
);

type Row = 'script' | 'freshSegments' | 'reusedSegments' | 'reusedSentences' | 'nativeSentences' | 'encode';
const totals = { wall: {} as Record<Row, number>, cpu: {} as Record<Row, number>, audio: 0, sentences: 0, segments: 0 };
const add = (row: Row, { ms, cpuMs }: { ms: number; cpuMs: number }) => {
  totals.wall[row] = (totals.wall[row] ?? 0) + ms;
  totals.cpu[row] = (totals.cpu[row] ?? 0) + cpuMs;
};
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
  const fresh = await each(freshEngine, segments);
  const reused = await each(embeddedEngine, segments);
  const reusedSentences = await each(embeddedEngine, sentences);
  const native = await each(nativeEngine, sentences);
  const joined = joinSpeech(
    reusedSentences.value,
    reusedSentences.value.map(() => 0.4),
  ).pcm;
  const encoded = await timed(() => encodeMp3(joined));
  const seconds = joined.samples.length / joined.sampleRate;
  add('script', script);
  add('freshSegments', fresh);
  add('reusedSegments', reused);
  add('reusedSentences', reusedSentences);
  add('nativeSentences', native);
  add('encode', encoded);
  totals.audio += seconds;
  totals.sentences += sentences.length;
  totals.segments += segments.length;
  console.log(
    `${procedure.lang}/${procedure.slug}: ${seconds.toFixed(0)} s, ${segments.length} segments, ${sentences.length} sentences; script ${script.ms.toFixed(0)} ms; cpu: fresh per segment ${fresh.cpuMs.toFixed(0)} ms, reused per segment ${reused.cpuMs.toFixed(0)} ms, reused per sentence ${reusedSentences.cpuMs.toFixed(0)} ms; native per sentence ${native.ms.toFixed(0)} ms wall; mp3 ${encoded.cpuMs.toFixed(0)} ms cpu`,
  );
}
const n = procedures.length;
const mean = (row: Row) => `${(totals.wall[row] / n).toFixed(0)} ms wall / ${(totals.cpu[row] / n).toFixed(0)} ms cpu`;
console.log(
  `mean per procedure (${n}; ${(totals.audio / n).toFixed(0)} s of speech, ${(totals.segments / n).toFixed(1)} segments, ${(totals.sentences / n).toFixed(1)} sentences): script ${mean('script')}; embedded fresh module per segment (before) ${mean('freshSegments')}; reused instance per segment ${mean('reusedSegments')}; reused instance per sentence (after) ${mean('reusedSentences')}; native per sentence ${(totals.wall.nativeSentences / n).toFixed(0)} ms wall; mp3 ${mean('encode')}`,
);
