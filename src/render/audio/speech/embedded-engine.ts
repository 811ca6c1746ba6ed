// eSpeak NG compiled to WebAssembly (npm `@echogarden/espeak-ng-emscripten`, eSpeak NG's
// library API through Emscripten): its voice data comes in the package, so nothing is
// downloaded or installed. One module per thread (the build's main thread and each MP3
// worker), made on first use, speaks every text: a call costs the synthesis and a 17 MB
// memory copy, where a fresh module per call (the former `espeak-ng` package's command)
// cost 0.3–0.4 s even for a word.
//
// eSpeak NG keeps state from one text to the next (its samples for a sentence depended on
// the sentences before it), so the module's memory is copied once it is initialised and put
// back before every text: each text is spoken from the same fresh state, as by a new
// espeak-ng process, and the same text always gives the same samples, whatever the thread
// spoke before. The binding's own string helpers keep pointers into that memory on the
// JavaScript side, so they are not used: the voice name and the text are written into
// memory allocated after the reset. The text goes in as SSML with phoneme input (`[[…]]`)
// on, as the espeak-ng command reads it: "&", "<" and ">" are escaped so they are read.
import type { Pcm, SpeechEngine } from './engine.js';

interface EspeakModule {
  HEAPU8: Uint8Array;
  HEAP16: Int16Array;
  eSpeakNGWorker: new () => { ptr: number; get_samplerate(): number };
  _malloc(size: number): number;
  _emscripten_bind_eSpeakNGWorker_set_voice_2(self: number, name: number, language: number): number;
  _emscripten_bind_eSpeakNGWorker_set_rate_1(self: number, rate: number): void;
  _emscripten_bind_eSpeakNGWorker_synth__2(self: number, text: number, callback: number): void;
  addFunction(fn: (samples: number, count: number, events: number) => number, signature: string): number;
}

interface Espeak {
  module: EspeakModule;
  /** The eSpeakNGWorker object in memory. */
  self: number;
  sampleRate: number;
  /** The memory right after initialisation. */
  fresh: Uint8Array;
  /** The synthesis callback, in the module's function table (outside memory: kept). */
  callback: number;
  /** Where the callback puts the samples of the text being spoken. */
  chunks: Int16Array[];
}

let espeak: Promise<Espeak> | undefined;
/** This thread's eSpeak NG, made on first use (≈0.1–0.3 s: the 24 MB voice data is read once). */
function load(): Promise<Espeak> {
  espeak ??= (async () => {
    // @ts-expect-error: the package ships no type declarations
    const factory = (await import('@echogarden/espeak-ng-emscripten')).default as (
      options: object,
    ) => Promise<EspeakModule>;
    // The glue finds its data file beside itself; printing is kept off the build's output.
    const module = await factory({ print: () => {}, printErr: () => {} });
    const worker = new module.eSpeakNGWorker();
    const chunks: Int16Array[] = [];
    const callback = module.addFunction((samples, count) => {
      if (samples !== 0 && count > 0) chunks.push(module.HEAP16.slice(samples / 2, samples / 2 + count));
      return 0; // 0: go on
    }, 'iiii');
    return {
      module,
      self: worker.ptr,
      sampleRate: worker.get_samplerate(),
      fresh: module.HEAPU8.slice(),
      callback,
      chunks,
    };
  })();
  return espeak;
}

export const embeddedEngine: SpeechEngine = {
  id: 'embedded',
  async synthesise(text, { voice, rate }): Promise<Pcm> {
    const { module, self, sampleRate, fresh, callback, chunks } = await load();
    reset(module, fresh);
    if (module._emscripten_bind_eSpeakNGWorker_set_voice_2(self, cString(module, voice), 0) !== 0)
      throw new Error(`the embedded eSpeak NG has no voice "${voice}"`);
    module._emscripten_bind_eSpeakNGWorker_set_rate_1(self, Math.round(rate));
    chunks.length = 0;
    module._emscripten_bind_eSpeakNGWorker_synth__2(self, cString(module, escapeSsml(text)), callback);
    const samples = new Int16Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    let offset = 0;
    for (const chunk of chunks) {
      samples.set(chunk, offset);
      offset += chunk.length;
    }
    chunks.length = 0;
    return { sampleRate, samples };
  },
};

/** The memory as it was after initialisation (memory grown since is cleared). */
function reset(module: EspeakModule, fresh: Uint8Array): void {
  const heap = module.HEAPU8;
  heap.set(fresh);
  if (heap.length > fresh.length) heap.fill(0, fresh.length);
}

/** A NUL-terminated UTF-8 copy of the text in the module's memory. */
function cString(module: EspeakModule, text: string): number {
  const bytes = new TextEncoder().encode(text);
  const pointer = module._malloc(bytes.length + 1);
  module.HEAPU8.set(bytes, pointer);
  module.HEAPU8[pointer + bytes.length] = 0;
  return pointer;
}

function escapeSsml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
