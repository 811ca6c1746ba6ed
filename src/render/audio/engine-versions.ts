// The versions of what makes the sound, for the audio cache key: a new eSpeak NG, LAME
// build or ID3 writer may give other bytes, so cached MP3s made by the old ones are made again.
// Which LAME encodes (Debian's `lame` when installed, else the WebAssembly one) is in it too.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RenderSettings } from '../settings.js';
import { chosenMp3Encoder } from './encode/mp3.js';

// The embedded eSpeak NG (one instance per thread, speech/embedded-engine.ts), LAME and the ID3 writer.
const PACKAGES = ['@echogarden/espeak-ng-emscripten', 'wasm-media-encoders', 'browser-id3-writer'] as const;

let versions: Record<string, string> | undefined;

/**
 * npm package versions of the engines, which LAME encodes (by the `mp3Encoder` setting and
 * what is installed), and the native espeak-ng's when that engine is used.
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
  if (engine !== 'native') return withEncoder;
  return { ...withEncoder, 'espeak-ng (native)': nativeVersion() };
}

let native: string | undefined;
function nativeVersion(): string {
  native ??= spawnSync('espeak-ng', ['--version'], { encoding: 'utf8' }).stdout?.trim() || 'missing';
  return native;
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
