#!/usr/bin/env node
// The `pelita` command: commander wiring only; the work is in pipeline/.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { type Folders, runBuild } from '../pipeline/build.js';
import { DiskError, LockedError, OutFolderError } from '../pipeline/output-errors.js';
import { DEFAULT_SETTINGS, type RenderSettings } from '../render/settings.js';
import { exitOnCrash, reportCrash } from './crash.js';
import { EXIT } from './exit-codes.js';
import { countMessages, escapeControls, formatMessages } from './format-messages.js';
import { listenForStop } from './stop-signals.js';
import { markReviewed, printTranslationStatus } from './translations.js';

export { EXIT } from './exit-codes.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

class UsageError extends Error {}

interface BuildCommandOptions {
  content: string;
  templates?: string;
  out: string;
  brailleEngine: RenderSettings['brailleEngine'];
  speechEngine: RenderSettings['speechEngine'];
  pictogramDpi: string;
  force?: boolean;
}

interface FolderOptions {
  content: string;
  templates?: string;
}

/** --content and --templates, shared by every command that reads content. */
function withFolders(command: Command): Command {
  return command
    .addOption(
      new Option('-c, --content <dir>', 'folder with site.yaml and one folder per language').default('content'),
    )
    .option('--templates <dir>', "templates, words and other resources (default: Pelita's own)");
}

function folders(options: FolderOptions): Folders {
  return {
    contentDir: requireFolder(options.content, 'Content'),
    templatesDir: options.templates === undefined ? undefined : requireFolder(options.templates, 'Templates'),
  };
}

function requireFolder(dir: string, what: string): string {
  const path = resolve(dir);
  if (!existsSync(path) || !statSync(path).isDirectory()) throw new UsageError(`${what} folder not found: ${dir}`);
  return path;
}

async function run(
  options: FolderOptions,
  outDir: string | undefined,
  settings: Partial<RenderSettings> = {},
  force = false,
): Promise<number> {
  const started = performance.now();
  const stop = outDir ? listenForStop() : undefined;
  const result = await runBuild({
    ...folders(options),
    outDir: outDir && resolve(outDir),
    settings,
    force,
    signal: stop?.signal,
  }).finally(() => stop?.dispose());
  for (const line of formatMessages(result.files)) console.error(line);
  const stopped = stop?.exitCode();
  if (result.cancelled && stopped !== undefined) {
    console.error(`dibatalkan: ${result.built} dokumen selesai, tidak ada berkas setengah jadi`);
    process.exit(stopped); // renders still under way are dropped
  }
  for (const key of result.removed) console.error(`${key}: removed its output, because its source file is gone.`);
  for (const path of result.kept) {
    console.error(`${path}: kept, because it was changed after Pelita wrote it; remove it yourself if it should go.`);
  }
  const { errors, warnings } = countMessages(result.files);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const action = outDir ? `built into ${outDir}` : 'valid';
  console.error(
    `${result.built} of ${result.documents} documents ${action}; ${result.failed} with errors; ${errors} errors, ${warnings} warnings (${seconds} s).`,
  );
  return errors > 0 ? EXIT.contentErrors : EXIT.ok;
}

export function createProgram(): Command {
  const program = new Command('pelita')
    .description('Publish public-service procedures as accessible HTML and more, from Markdown.')
    .version(version)
    .exitOverride()
    .showHelpAfterError();
  withFolders(program.command('build'))
    .description('Validate the content and write every edition of each valid document.')
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('--force', 'build into a folder Pelita did not make, replacing the files it writes (it removes none)')
    .addOption(
      new Option('--braille-engine <engine>', "liblouis to use: the bundled WebAssembly build or Debian's liblouis")
        .choices(['embedded', 'native'])
        .default(DEFAULT_SETTINGS.brailleEngine),
    )
    .addOption(
      new Option('--speech-engine <engine>', "eSpeak NG to use: the bundled WebAssembly build or Debian's espeak-ng")
        .choices(['embedded', 'native'])
        .default(DEFAULT_SETTINGS.speechEngine),
    )
    .addOption(
      new Option('--pictogram-dpi <dpi>', 'resolution of pictograms.png')
        .choices(['150', '300'])
        .default(String(DEFAULT_SETTINGS.pictogramDpi)),
    )
    .action(async (options: BuildCommandOptions) => {
      process.exitCode = await run(
        options,
        options.out,
        {
          brailleEngine: options.brailleEngine,
          speechEngine: options.speechEngine,
          pictogramDpi: Number(options.pictogramDpi) as RenderSettings['pictogramDpi'],
        },
        options.force === true,
      );
    });
  withFolders(program.command('check'))
    .description('Validate the content only; print every problem with file:line:column.')
    .action(async (options: FolderOptions) => {
      process.exitCode = await run(options, undefined);
    });
  withFolders(program.command('translations').alias('status'))
    .description('Show which procedures are translated, missing or stale in each language.')
    .option(
      '--mark-reviewed <lang/slug...>',
      'record that these translations were checked against the current original',
    )
    .action(async (options: FolderOptions & { markReviewed?: string[] }) => {
      process.exitCode = options.markReviewed
        ? await markReviewed(folders(options), options.markReviewed)
        : await printTranslationStatus(folders(options));
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
    for (const [kind, code] of [
      [UsageError, EXIT.usage],
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

exitOnCrash(version);
process.exitCode = await main(process.argv.slice(2));
