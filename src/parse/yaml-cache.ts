// The data of Pelita's own YAML files (the words files, the pictogram lexicon, the message
// catalogues), kept between builds in the user's cache folder: parsing them costs a build
// more than a tenth of a second (the YAML parser is cold in a new process), reading their data
// back as JSON a millisecond. Each is kept under the SHA-256 of its text, of the yaml
// package's version and of this module's format, so an edited file is parsed again; what
// JSON cannot hold as it is (.inf, a date) is never kept. Only a speed-up: a cache that
// cannot be read or written means parsing.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseYaml, type YamlError } from './yaml-document.js';

/** Raise when what is kept changes. */
const FORMAT = 1;

/** `$XDG_CACHE_HOME/pelita/yaml/` (or `~/.cache/…`). */
export function yamlCacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'pelita', 'yaml');
}

// Resolved as Node resolves the parser itself, wherever npm put it (hoisted or not).
let yamlVersion: string | undefined;
function parserVersion(): string {
  yamlVersion ??= (
    JSON.parse(readFileSync(createRequire(import.meta.url).resolve('yaml/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  return yamlVersion;
}

/** The data of a YAML text (as parseYaml gives it), from the cache when this text was parsed before. */
export function yamlData(text: string): { ok: true; data: unknown } | { ok: false; error: YamlError } {
  const dir = yamlCacheDir();
  let name: string | undefined;
  try {
    const key = createHash('sha256').update(`${FORMAT} ${parserVersion()}\n`).update(text).digest('hex');
    name = `${key.slice(0, 40)}.json`;
    const kept = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { data?: unknown };
    if (Object.hasOwn(kept, 'data')) return { ok: true, data: kept.data };
  } catch {
    // not kept yet, or unreadable: parsed below
  }
  const parsed = parseYaml(text);
  if (!parsed.ok) return parsed;
  const { data } = parsed.value;
  const json = JSON.stringify({ data });
  if (name !== undefined && isDeepStrictEqual((JSON.parse(json) as { data: unknown }).data, data)) {
    try {
      mkdirSync(dir, { recursive: true });
      const temp = join(dir, `.${name}.${process.pid}.tmp`);
      writeFileSync(temp, json);
      renameSync(temp, join(dir, name)); // whole or not at all, whoever reads it meanwhile
    } catch {
      // a cache folder that cannot be written: parsed again next time
    }
  }
  return { ok: true, data };
}
