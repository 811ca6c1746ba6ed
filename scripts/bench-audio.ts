// Audio benchmark: time per sample procedure for the script, each speech engine and the
// MP3 encoder, measured separately (the cache is not involved).
//   npx tsx scripts/bench-audio.ts
// Results are recorded by hand in docs/benchmarks.md (machine, date and load included).
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { checkDocuments } from '../src/model/check-documents.js';
import { readSite } from '../src/model/read-site.js';
import { outlinesFor } from '../src/outline/build-outline.js';
import { loadContent } from '../src/pipeline/load-content.js';
import { loadTemplates } from '../src/pipeline/load-templates.js';
import { encodeMp3 } from '../src/render/audio/encode/mp3.js';
import { readSpeechLanguage } from '../src/render/audio/normalise/speech-language.js';
import { speechScript } from '../src/render/audio/script.js';
import { embeddedEngine } from '../src/render/audio/speech/embedded-engine.js';
import type { Pcm, SpeechEngine } from '../src/render/audio/speech/engine.js';
import { nativeEngine } from '../src/render/audio/speech/native-engine.js';
import { loadSpeechData } from '../src/render/audio/speech-data.js';

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

const totals = { script: 0, embedded: 0, embeddedCpu: 0, native: 0, encode: 0, encodeCpu: 0, audio: 0 };
const timed = async <T>(work: () => Promise<T>) => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
};
await embeddedEngine.synthesise('halo', { voice: 'id', rate: 150 }); // warm-up: compiles the WebAssembly once

for (const procedure of procedures) {
  const words = templates.words.get(procedure.lang);
  if (!words) continue;
  const speech = readSpeechLanguage(procedure.lang, data.languages.get(procedure.lang), words.months);
  const script = await timed(async () =>
    speechScript({ outline: outline(procedure), words, speech, lexicon: data.lexicon }),
  );
  const voice = { voice: speech.voice, rate: speech.rate };
  const run = (engine: SpeechEngine) => timed(() => engine.synthesise(script.value, voice));
  const embedded = await run(embeddedEngine);
  const native = await run(nativeEngine);
  const encoded = await timed(() => encodeMp3(embedded.value as Pcm));
  const seconds = embedded.value.samples.length / embedded.value.sampleRate;
  totals.script += script.ms;
  totals.embedded += embedded.ms;
  totals.embeddedCpu += embedded.cpuMs;
  totals.native += native.ms;
  totals.encode += encoded.ms;
  totals.encodeCpu += encoded.cpuMs;
  totals.audio += seconds;
  console.log(
    `${procedure.lang}/${procedure.slug}: ${seconds.toFixed(0)} s of speech; script ${script.ms.toFixed(0)} ms, embedded ${embedded.ms.toFixed(0)} ms (cpu ${embedded.cpuMs.toFixed(0)}), native ${native.ms.toFixed(0)} ms, mp3 ${encoded.ms.toFixed(0)} ms (cpu ${encoded.cpuMs.toFixed(0)})`,
  );
}
const n = procedures.length;
console.log(
  `mean per procedure (${n}, ${(totals.audio / n).toFixed(0)} s of speech): script ${(totals.script / n).toFixed(0)} ms, embedded ${(totals.embedded / n).toFixed(0)} ms wall / ${(totals.embeddedCpu / n).toFixed(0)} ms cpu, native ${(totals.native / n).toFixed(0)} ms wall, mp3 ${(totals.encode / n).toFixed(0)} ms wall / ${(totals.encodeCpu / n).toFixed(0)} ms cpu`,
);
