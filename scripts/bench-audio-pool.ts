// CPU that the MP3 worker pool spends on the sample procedures, as a build submits them
// (all at once, then one more after a pause, as when the main thread was busy elsewhere).
//   npx tsx scripts/bench-audio-pool.ts
// Process CPU time includes the worker threads'. Recorded by hand in docs/benchmarks.md.
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { VFile } from 'vfile';
import { checkDocuments } from '../src/model/check-documents.js';
import { readSite } from '../src/model/read-site.js';
import { outlinesFor } from '../src/outline/build-outline.js';
import { loadContent } from '../src/pipeline/load-content.js';
import { loadTemplates } from '../src/pipeline/load-templates.js';
import { makeMp3InWorker } from '../src/render/audio/mp3-pool.js';
import { readSpeechLanguage } from '../src/render/audio/normalise/speech-language.js';
import { speechScript } from '../src/render/audio/script.js';
import { loadSpeechData } from '../src/render/audio/speech-data.js';

const content = await loadContent(join(import.meta.dirname, '..', 'content'));
const templates = await loadTemplates();
const site = readSite(new VFile(), content.siteText ?? '', new Set(templates.words.keys()));
if (!site) throw new Error('sample site.yaml is invalid');
const procedures = checkDocuments(content.documents, site, templates.words).flatMap((doc) =>
  doc.procedure ? [doc.procedure] : [],
);
const data = await loadSpeechData();
const outline = outlinesFor(site, templates.words);
const jobs = procedures.map((procedure) => {
  const words = templates.words.get(procedure.lang);
  if (!words) throw new Error(`no words for ${procedure.lang}`);
  const speech = readSpeechLanguage(procedure.lang, data.languages.get(procedure.lang), words.months);
  const script = speechScript({ outline: outline(procedure), words, speech, lexicon: data.lexicon });
  const options = {
    engine: 'embedded' as const,
    voice: { voice: speech.voice, rate: speech.rate },
    tags: { title: procedure.slug, artist: 'bench', language: speech.iso639_2, comment: '' },
    pronunciations: Object.fromEntries(data.pronunciations.get(speech.voice) ?? []),
  };
  return () => makeMp3InWorker(script, options);
});
console.log(
  `${cpus().length} × ${cpus()[0]?.model}, load ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}`,
);
const cpu = process.cpuUsage();
const started = performance.now();
// Half at once, a pause (the workers go idle), then the rest one by one with pauses.
await Promise.all(jobs.slice(0, jobs.length / 2).map((job) => job()));
for (const job of jobs.slice(jobs.length / 2)) {
  await sleep(200);
  await job();
}
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
console.log(
  `${jobs.length} procedures: ${((performance.now() - started) / 1000).toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU, ${(cpuSeconds / jobs.length).toFixed(2)} s CPU per procedure`,
);
process.exit(0);
