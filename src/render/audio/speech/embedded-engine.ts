// eSpeak NG compiled to WebAssembly (npm `espeak-ng`): its voice data is embedded in the
// .wasm file, so nothing is downloaded or installed. Each call runs the espeak-ng command
// in a fresh module instance on an in-memory file system: text in /in.txt, WAV out.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { espeakArguments, type Pcm, type SpeechEngine } from './engine.js';
import { parseWav } from './wav.js';

interface EmscriptenModule {
  FS: { writeFile(path: string, data: string): void; readFile(path: string): Uint8Array };
}
type EspeakFactory = (options: {
  arguments: string[];
  instantiateWasm: (imports: object, done: (instance: object, module: object) => void) => object;
  preRun: ((module: EmscriptenModule) => void)[];
  print: (text: string) => void;
  printErr: (text: string) => void;
}) => Promise<EmscriptenModule>;

// The build's TypeScript settings have no DOM types, where WebAssembly's are declared.
interface WebAssemblyApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: object): Promise<object>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

// Compiling the 18 MB module (it holds the voice data) is the slow part: do it once per process.
let compiled: Promise<{ factory: EspeakFactory; wasm: object }> | undefined;
function load() {
  compiled ??= (async () => {
    // @ts-expect-error: the package ships no type declarations
    const factory = (await import('espeak-ng')).default as EspeakFactory;
    const path = fileURLToPath(import.meta.resolve('espeak-ng/dist/espeak-ng.wasm'));
    return { factory, wasm: await wasmApi.compile(await readFile(path)) };
  })();
  return compiled;
}

export const embeddedEngine: SpeechEngine = {
  id: 'embedded',
  async synthesise(text, options): Promise<Pcm> {
    const { factory, wasm } = await load();
    const errors: string[] = [];
    const module = await factory({
      arguments: [...espeakArguments(options), '-w', '/out.wav', '-f', '/in.txt'],
      instantiateWasm: (imports, done) => {
        wasmApi.instantiate(wasm, imports).then((instance) => done(instance, wasm));
        return {};
      },
      preRun: [(instance) => instance.FS.writeFile('/in.txt', text)],
      print: () => {},
      printErr: (line) => errors.push(line),
    });
    let wav: Uint8Array;
    try {
      wav = module.FS.readFile('/out.wav');
    } catch {
      throw new Error(`the embedded eSpeak NG made no sound: ${errors.join(' ') || 'no message'}`);
    }
    return parseWav(wav);
  },
};
