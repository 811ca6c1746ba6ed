#!/usr/bin/env node
// The `pelita` command: commander wiring only; the work is in pipeline/ and the modules beside this one.
// Those are imported when a command runs, so `--version` and `--help` start at once.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { type Catalogue, formatMessage, type MessageText } from '../i18n/messages.js';
import type { Folders } from '../pipeline/build.js';
import { DiskError, LockedError, OutFolderError } from '../pipeline/output-errors.js';
import { parseShard, type Shard } from '../pipeline/shard.js';
import { EDITION_IDS, type EditionId } from '../render/registry.js';
import { DEFAULT_SETTINGS, type RenderSettings } from '../render/settings.js';
import { exitOnCrash, reportCrash } from './crash.js';
import { escapeControls } from './escape-controls.js';
import { EXIT } from './exit-codes.js';
import { tuneHeap } from './heap-tuning.js';
import { messageLanguage } from './language.js';
import { tuneMalloc } from './malloc-tuning.js';

export { EXIT };

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** A mistake in how the command was called; its text is a message of the catalogue. */
class UsageError extends Error {
  constructor(readonly text: MessageText) {
    super(text.id);
  }
}

interface CommonOptions {
  content: string;
  templates?: string;
  lang?: string;
  quiet?: boolean;
  json?: boolean;
  editions?: string;
}

interface BuildCommandOptions extends CommonOptions {
  out: string;
  brailleEngine: RenderSettings['brailleEngine'];
  speechEngine: RenderSettings['speechEngine'];
  mp3Encoder: RenderSettings['mp3Encoder'];
  pictogramDpi: string;
  verify: boolean;
  force?: boolean;
  shard?: string;
}

/** --content and --templates, shared by every command that reads content; --lang for messages. */
function withFolders(command: Command, messageLang = true): Command {
  command
    .addOption(
      new Option('-c, --content <dir>', 'folder with site.yaml and one folder per language').default('content'),
    )
    .option('--templates <dir>', "templates, words and other resources (default: Pelita's own)");
  return messageLang
    ? command.option('--lang <lang>', 'language of messages: id (default) or en; without it, from LANG')
    : command;
}

/** --quiet, --json and --editions of build and check. */
function withReport(command: Command): Command {
  return withFolders(command)
    .option('-q, --quiet', 'show errors only, no warnings or progress lines')
    .option('--json', 'print one JSON report of every file (vfile-reporter-json shape) on standard output')
    .option('--editions <list>', `editions to make, separated by commas: ${EDITION_IDS.join(',')} (default: all)`);
}

function folders(options: CommonOptions): Folders {
  return {
    contentDir: requireFolder(options.content, 'folder-content'),
    templatesDir: options.templates === undefined ? undefined : requireFolder(options.templates, 'folder-templates'),
  };
}

function requireFolder(dir: string, what: string): string {
  const path = resolve(dir);
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    throw new UsageError({ id: 'folder-not-found', params: { what: { id: what }, dir } });
  }
  return path;
}

export function parseEditions(list: string | undefined): EditionId[] | undefined {
  if (list === undefined) return undefined;
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!(EDITION_IDS as readonly string[]).includes(name)) {
      throw new UsageError({ id: 'unknown-editions', params: { edition: name, editions: EDITION_IDS.join(', ') } });
    }
  }
  return names as EditionId[];
}

async function catalogueFor(options: { lang?: string; templates?: string }): Promise<Catalogue> {
  const { catalogueLanguages, DEFAULT_TEMPLATES_DIR, loadCatalogue } = await import('../pipeline/load-templates.js');
  const dir = options.templates === undefined ? DEFAULT_TEMPLATES_DIR : resolve(options.templates);
  return loadCatalogue(messageLanguage(options.lang, await catalogueLanguages(DEFAULT_TEMPLATES_DIR)), dir);
}

export function createProgram(): Command {
  const program = new Command('pelita')
    .description('Publish public-service procedures as accessible HTML and more, from Markdown.')
    .version(version)
    .exitOverride()
    .showHelpAfterError();
  withReport(program.command('build'))
    .description('Validate the content and write the editions of each valid document.')
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('--force', 'build into a folder Pelita did not make, replacing the files it writes (it removes none)')
    .addOption(
      new Option('--braille-engine <engine>', "liblouis to use: the bundled WebAssembly build or Debian's liblouis")
        .choices(['embedded', 'native'])
        .default(DEFAULT_SETTINGS.brailleEngine),
    )
    .addOption(
      new Option(
        '--speech-engine <engine>',
        "eSpeak NG to use: Debian's libespeak-ng when installed, else the bundled WebAssembly build (auto); always the bundled one (embedded); or always Debian's (native)",
      )
        .choices(['auto', 'embedded', 'native'])
        .default(DEFAULT_SETTINGS.speechEngine),
    )
    .addOption(
      new Option(
        '--mp3-encoder <encoder>',
        "LAME to use: Debian's lame when installed, else the bundled WebAssembly build (auto); or always the bundled one (embedded), so every machine makes the same MP3s",
      )
        .choices(['auto', 'embedded'])
        .default(DEFAULT_SETTINGS.mp3Encoder),
    )
    .addOption(
      new Option('--pictogram-dpi <dpi>', 'resolution of pictograms.png')
        .choices(['150', '300'])
        .default(String(DEFAULT_SETTINGS.pictogramDpi)),
    )
    .option('--no-verify', 'skip reading every edition back to check it carries the whole procedure')
    .option('--shard <i/n>', 'build only shard i of n (by a stable hash of lang/slug), for `pelita merge`')
    .action(async (options: BuildCommandOptions) => {
      const { buildCommand } = await import('./run-build.js');
      tuneMalloc(); // before the workers start: they make and drop the large buffers
      tuneHeap(); // before the heaps grow
      const shard = options.shard === undefined ? undefined : shardOption(options.shard);
      process.exitCode = await buildCommand(
        folders(options),
        options.out,
        { catalogue: await catalogueFor(options), quiet: options.quiet, json: options.json },
        parseEditions(options.editions),
        {
          brailleEngine: options.brailleEngine,
          speechEngine: options.speechEngine,
          mp3Encoder: options.mp3Encoder,
          pictogramDpi: Number(options.pictogramDpi) as RenderSettings['pictogramDpi'],
        },
        options.verify,
        options.force === true,
        shard,
      );
    });
  withReport(program.command('merge'))
    .description('Combine the folders of `build --shard i/n` into one site, as one build makes it.')
    .argument('<out>', 'output folder of the whole site')
    .argument('<shards...>', 'the folders the shards were built into')
    .option('--no-verify', 'skip reading every edition back to check it carries the whole procedure')
    .option('--force', 'merge into a folder Pelita did not make, replacing the files it writes (it removes none)')
    .action(async (out: string, shards: string[], options: CommonOptions & { verify: boolean; force?: boolean }) => {
      const { buildCommand } = await import('./run-build.js');
      const { mergeShards } = await import('../pipeline/merge.js');
      const from = folders(options);
      const shardDirs = shards.map((dir) => requireFolder(dir, 'folder-output'));
      await mergeShards({ ...from, outDir: resolve(out), shardDirs, force: options.force === true });
      process.exitCode = await buildCommand(
        from,
        out,
        { catalogue: await catalogueFor(options), quiet: options.quiet, json: options.json },
        parseEditions(options.editions),
        {},
        options.verify,
        false,
      );
    });
  withReport(program.command('verify'))
    .description('Read every edition in the output folder back and check it carries the whole procedure.')
    .option('-o, --out <dir>', 'output folder', 'output')
    .action(async (options: CommonOptions & { out: string }) => {
      const { verifyCommand } = await import('./run-build.js');
      process.exitCode = await verifyCommand(folders(options), requireFolder(options.out, 'folder-output'), {
        catalogue: await catalogueFor(options),
        quiet: options.quiet,
        json: options.json,
      });
    });
  withReport(program.command('check'))
    .description('Run every check build runs (editions are made in memory, nothing is written); print each problem.')
    .action(async (options: CommonOptions) => {
      const { buildCommand } = await import('./run-build.js');
      process.exitCode = await buildCommand(
        folders(options),
        undefined,
        { catalogue: await catalogueFor(options), quiet: options.quiet, json: options.json },
        parseEditions(options.editions),
      );
    });
  withFolders(program.command('new'), false)
    .description('Start a new procedure from a template with every section; never overwrites a file.')
    .argument('<slug>', 'file name without .md, e.g. izin-belajar')
    .option('--lang <lang>', 'language folder of the new procedure', 'id')
    .action(async (slug: string, options: CommonOptions & { lang?: string }) => {
      const { newProcedure } = await import('./new-procedure.js');
      process.exitCode = await newProcedure(folders(options), slug, await catalogueFor({}), options.lang);
    });
  withFolders(program.command('preview').alias('serve'))
    .description('Serve the editions on this computer, rebuild on save and reload the browser.')
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('-p, --port <port>', 'port on 127.0.0.1 (default: a free one)', '0')
    .option('--editions <list>', `editions to make, separated by commas: ${EDITION_IDS.join(',')} (default: all)`)
    .action(async (options: CommonOptions & { out: string; port: string }) => {
      const { startPreview } = await import('../preview/preview-command.js');
      process.exitCode = await startPreview({
        folders: folders(options),
        outDir: resolve(options.out),
        port: Number(options.port),
        editions: parseEditions(options.editions),
        catalogue: await catalogueFor(options),
      });
    });
  withFolders(program.command('translations').alias('status'))
    .description('Show which procedures are translated, missing or stale in each language.')
    .option(
      '--mark-reviewed <lang/slug...>',
      'record that these translations were checked against the current original',
    )
    .action(async (options: CommonOptions & { markReviewed?: string[] }) => {
      const catalogue = await catalogueFor(options);
      const { markReviewed, printTranslationStatus } = await import('./translations.js');
      process.exitCode = options.markReviewed
        ? await markReviewed(folders(options), options.markReviewed, catalogue)
        : await printTranslationStatus(folders(options), catalogue);
    });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = createProgram();
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? EXIT.ok);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const catalogue = await catalogueFor({ lang: langOption(argv) }).catch(() => new Map<string, string>());
    if (error instanceof UsageError) {
      console.error(`pelita: ${formatMessage(catalogue, error.text)}`);
      return EXIT.usage;
    }
    // The output folder may not be used, the disk refused, another build holds the folder:
    // the writer's situation, not Pelita's fault, so no crash log.
    for (const [kind, code] of [
      [OutFolderError, EXIT.usage],
      [DiskError, EXIT.disk],
      [LockedError, EXIT.locked],
    ] as const) {
      if (error instanceof kind) {
        console.error(`pelita: ${escapeControls(error.message)}`);
        return code;
      }
    }
    console.error(reportCrash(error, version));
    return EXIT.internal;
  }
}

function shardOption(text: string): Shard {
  const shard = parseShard(text);
  if (!shard) throw new UsageError({ id: 'shard-invalid', params: { shard: text } });
  return shard;
}

function langOption(argv: readonly string[]): string | undefined {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  if (index < 0) return undefined;
  return argv[index]?.includes('=') ? argv[index]?.split('=')[1] : argv[index + 1];
}

exitOnCrash(version);
process.exitCode = await main(process.argv.slice(2));
