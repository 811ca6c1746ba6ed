// eSpeak NG compiled to WebAssembly (npm `@echogarden/espeak-ng-emscripten`, eSpeak NG's
// library API through Emscripten): its voice data comes in the package, so nothing is
// downloaded or installed. One module, initialised once per thread (the build's main thread
// and each MP3 worker), speaks every text: a call costs only the synthesis itself, where
// a fresh module per call (the `espeak-ng` package's command) cost 0.3–0.4 s even for a word.
// The text goes in as SSML with phoneme input (`[[…]]`) on, as the espeak-ng command reads
// it: "&", "<" and ">" are escaped so they are read, not taken for markup.
import type { Pcm, SpeechEngine } from './engine.js';

interface EspeakWorker {
  set_voice(name: string): number;
  set_rate(wordsPerMinute: number): void;
  get_samplerate(): number;
  synthesize(text: string, callback: (audio: Int16Array | undefined, events: unknown[]) => number): void;
}
interface EspeakModule {
  eSpeakNGWorker: new () => EspeakWorker;
}

let worker: Promise<EspeakWorker> | undefined;
/** This thread's eSpeak NG, made on first use (≈0.1 s: the 24 MB voice data is read once). */
function load(): Promise<EspeakWorker> {
  worker ??= (async () => {
    // @ts-expect-error: the package ships no type declarations
    const factory = (await import('@echogarden/espeak-ng-emscripten')).default as (
      options: object,
    ) => Promise<EspeakModule>;
    // The glue finds its data file beside itself; printing is kept off the build's output.
    const module = await factory({ print: () => {}, printErr: () => {} });
    return new module.eSpeakNGWorker();
  })();
  return worker;
}

let currentVoice: string | undefined;

export const embeddedEngine: SpeechEngine = {
  id: 'embedded',
  async synthesise(text, { voice, rate }): Promise<Pcm> {
    const espeak = await load();
    if (voice !== currentVoice) {
      if (espeak.set_voice(voice) !== 0) throw new Error(`the embedded eSpeak NG has no voice "${voice}"`);
      currentVoice = voice;
    }
    espeak.set_rate(Math.round(rate));
    const chunks: Int16Array[] = [];
    espeak.synthesize(escapeSsml(text), (audio) => {
      if (audio && audio.length > 0) chunks.push(audio);
      return 0; // 0: go on
    });
    const samples = new Int16Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    let offset = 0;
    for (const chunk of chunks) {
      samples.set(chunk, offset);
      offset += chunk.length;
    }
    return { sampleRate: espeak.get_samplerate(), samples };
  },
};

function escapeSsml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
