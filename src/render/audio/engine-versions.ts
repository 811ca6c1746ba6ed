// The versions of what makes the sound, for the audio cache key: a new eSpeak NG, LAME
// build or ID3 writer may give other bytes, so cached MP3s made by the old ones are made again.
// Which LAME encodes (Debian's `lame` when installed, else the WebAssembly one) is in it too.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RenderSettings } from '../settings.js';
import { chosenMp3Encoder } from './encode/mp3.js';
import { chosenSpeechEngine } from './speech/engine.js';

// The embedded eSpeak NG (one instance per thread, speech/embedded-engine.ts), LAME and the ID3 writer.
const PACKAGES = ['@echogarden/espeak-ng-emscripten', 'wasm-media-encoders', 'browser-id3-writer'] as const;

let versions: Record<string, string> | undefined;

/**
 * npm package versions of the engines, which LAME encodes and which eSpeak NG speaks (by the
 * `mp3Encoder` and `speechEngine` settings and what is installed), with the native ones' versions.
 */
export function audioEngineVersions(
  engine: RenderSettings['speechEngine'],
  encoder: RenderSettings['mp3Encoder'],
): Record<string, string> {
  versions ??= Object.fromEntries(PACKAGES.map((name) => [name, packageVersion(name)]));
  const lame = chosenMp3Encoder(encoder);
  const withEncoder = {
    ...versions,
    'mp3 encoder': lame.id === 'native' ? `lame (native): ${lame.version}` : 'embedded',
  };
  const speech = chosenSpeechEngine(engine);
  return { ...withEncoder, 'speech engine': speech.id === 'native' ? `native: ${speech.version}` : 'embedded' };
}

/** The version in the package.json above the package's entry (some packages do not export it). */
function packageVersion(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.resolve(name)));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === name && manifest.version) return manifest.version;
    } catch {
      // no package.json here: look further up
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}
