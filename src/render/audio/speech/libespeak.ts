// Debian's libespeak-ng (package libespeak-ng1, which `apt-get install espeak-ng` brings),
// called in this process through koffi (npm, a C foreign function interface). It is set up
// as the espeak-ng command sets it up, so a fresh process gives, for its first text, the
// samples `espeak-ng -v VOICE -s RATE --stdout --stdin` gives for it, sample for sample.
//
// The library keeps state in its globals from one text to the next (a static in its
// wave generator, among others: the same sentence comes out otherwise after another one),
// and none of its calls resets it: espeak_Initialize again does not, espeak_Terminate hangs
// when initialised again, and unloading the library crashes. A new instance starts fresh:
// a new process, or a copy of the library's file loaded beside it (freshLibrary). A build
// speaks with it only in the processes that make MP3s (mp3-process.ts), each MP3 with an
// instance that has spoken nothing.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join as joinPath } from 'node:path';

type Koffi = typeof import('koffi');

/** The library's name for dlopen; in the Debian package since eSpeak NG 1.49. */
export const LIBESPEAK_NG = 'libespeak-ng.so.1';

/** What to do when the library cannot be used (for the engine's messages). */
export const LIBESPEAK_MISSING = `the native speech engine needs eSpeak NG's library ${LIBESPEAK_NG}, which is not installed (Debian: apt-get install espeak-ng); or build with --speech-engine embedded`;

// speak_lib.h and espeak_ng.h, eSpeak NG 1.51.
const ENOUTPUT_MODE_SYNCHRONOUS = 0x0001;
const espeakRATE = 1;
const POS_CHARACTER = 1;
/** The espeak-ng command's flags without -m: text in any encoding, `[[…]]` read as phonemes, a pause at the end. */
const SYNTH_FLAGS = /* espeakCHARS_AUTO */ 0 | /* espeakPHONEMES */ 0x100 | /* espeakENDPAUSE */ 0x1000;

interface Functions {
  info(path: null): string;
  initializePath(path: null): void;
  initialize(context: null): number;
  initializeOutput(mode: number, bufferLength: number, device: null): number;
  sampleRate(): number;
  setSynthCallback(callback: unknown): void;
  setVoiceByName(name: string): number;
  setParameter(parameter: number, value: number, relative: number): number;
  synth(
    text: Buffer,
    size: number,
    position: number,
    type: number,
    end: number,
    flags: number,
    id: null,
    user: null,
  ): number;
}

let ffi: { koffi: Koffi; callback: ReturnType<Koffi['proto']> } | undefined;
/** koffi, loaded on first use: a machine without its prebuilt binary still builds with the embedded engine. */
function koffiModule() {
  if (!ffi) {
    const koffi = createRequire(import.meta.url)('koffi') as Koffi;
    ffi = { koffi, callback: koffi.proto('int espeak_synth_callback(int16_t *wav, int numsamples, void *events)') };
  }
  return ffi;
}

const loaded = new Map<string, Functions>();

/** The library's functions; throws LIBESPEAK_MISSING when it cannot be loaded. */
function functions(name: string): Functions {
  const known = loaded.get(name);
  if (known) return known;
  let lib: ReturnType<Koffi['load']>;
  try {
    lib = koffiModule().koffi.load(name);
  } catch {
    throw new Error(LIBESPEAK_MISSING);
  }
  const bound = {
    info: lib.func('const char *espeak_Info(const char **path_data)'),
    initializePath: lib.func('void espeak_ng_InitializePath(const char *path)'),
    initialize: lib.func('int espeak_ng_Initialize(void *context)'),
    initializeOutput: lib.func('int espeak_ng_InitializeOutput(int mode, int buffer_length, const char *device)'),
    sampleRate: lib.func('int espeak_ng_GetSampleRate()'),
    setSynthCallback: lib.func('void espeak_SetSynthCallback(espeak_synth_callback *callback)'),
    setVoiceByName: lib.func('int espeak_SetVoiceByName(const char *name)'),
    setParameter: lib.func('int espeak_SetParameter(int parameter, int value, int relative)'),
    synth: lib.func(
      'int espeak_Synth(const char *text, size_t size, unsigned int position, int position_type, unsigned int end_position, unsigned int flags, unsigned int *unique_identifier, void *user_data)',
    ),
  } as Functions;
  loaded.set(name, bound);
  return bound;
}

/**
 * Another instance of the library in this process, one that has spoken nothing: dlopen loads
 * a file once per process, so a copy of the library's file is loaded (and removed at once: it
 * stays mapped while the process lives). An instance costs ≈ 3 MB and a thread. Undefined
 * when no copy can be loaded (a temporary folder mounted noexec, say): then only a new
 * process starts fresh.
 * @returns the name to speak with (speakWithLibrary).
 */
export function freshLibrary(name = LIBESPEAK_NG): string | undefined {
  const file = libraryFile(name);
  if (!file) return undefined;
  let dir: string | undefined;
  try {
    dir = mkdtempSync(joinPath(tmpdir(), 'pelita-espeak-'));
    const copy = joinPath(dir, basename(file));
    copyFileSync(file, copy);
    functions(copy);
    return copy;
  } catch {
    return undefined;
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** The file the library `name` was loaded from, as this process's memory map names it. */
function libraryFile(name: string): string | undefined {
  try {
    functions(name);
    const stem = `${basename(name).replace(/\.so(\..*)?$/, '')}.so`;
    for (const line of readFileSync('/proc/self/maps', 'utf8').split('\n')) {
      const at = line.indexOf('/');
      const path = at < 0 ? '' : line.slice(at);
      if (basename(path).startsWith(stem) && !path.endsWith(' (deleted)')) return path;
    }
  } catch {
    // not loadable, or no /proc (not Linux)
  }
  return undefined;
}

/** The library's version (e.g. `1.51`), or undefined when it cannot be loaded. */
export function libespeakVersion(name = LIBESPEAK_NG): string | undefined {
  try {
    // espeak_Info needs no initialisation: it returns the version string the library was built with.
    return functions(name).info(null);
  } catch {
    return undefined;
  }
}

/** 16-bit mono samples of each text, spoken one after another by this process's library. */
export function speakWithLibrary(
  texts: readonly string[],
  { voice, rate }: { voice: string; rate: number },
  name = LIBESPEAK_NG,
): { sampleRate: number; parts: Int16Array[] } {
  const espeak = functions(name);
  // A fresh espeak-ng process starts with rand()'s seed 1; the library's noise may draw on it.
  srand(1);
  espeak.initializePath(null);
  if (espeak.initialize(null) !== 0) throw new Error(`eSpeak NG's library ${name} could not load its voice data`);
  espeak.initializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, null); // the command's buffer: a longer one (5 s) gives other samples
  const { koffi, callback: callbackType } = koffiModule();
  let chunks: Int16Array[] = [];
  // Called during espeak_Synth, on this thread: the samples are copied before the library reuses its buffer.
  const callback = koffi.register((samples: unknown, count: number) => {
    if (samples && count > 0) chunks.push(new Int16Array(koffi.view(samples, count * 2)).slice());
    return 0; // 0: go on
  }, koffi.pointer(callbackType));
  try {
    espeak.setSynthCallback(callback);
    if (espeak.setVoiceByName(voice) !== 0) throw new Error(`eSpeak NG's library has no voice "${voice}"`);
    espeak.setParameter(espeakRATE, Math.round(rate), 0);
    const parts = texts.map((text) => {
      chunks = [];
      // NUL-terminated, its length without the NUL: as the command passes what it read from stdin.
      const bytes = Buffer.from(`${text}\0`, 'utf8');
      const status = espeak.synth(bytes, bytes.length - 1, 0, POS_CHARACTER, 0, SYNTH_FLAGS, null, null);
      if (status !== 0) throw new Error(`eSpeak NG's library could not speak a text (error ${status})`);
      return join(chunks);
    });
    return { sampleRate: espeak.sampleRate(), parts };
  } finally {
    koffi.unregister(callback);
  }
}

/** libc's srand (glibc: the library's rand() is the process's). */
let srandFunction: ((seed: number) => void) | undefined;
function srand(seed: number): void {
  srandFunction ??= koffiModule().koffi.load('libc.so.6').func('void srand(unsigned int seed)') as (
    seed: number,
  ) => void;
  srandFunction(seed);
}

function join(chunks: readonly Int16Array[]): Int16Array {
  const samples = new Int16Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    samples.set(chunk, offset);
    offset += chunk.length;
  }
  return samples;
}
