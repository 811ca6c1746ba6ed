#!/usr/bin/env node
// The `pelita` command: commander wiring only; the work is in pipeline/.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { type Folders, runBuild } from '../pipeline/build.js';
import { verifyOutput } from '../pipeline/verify-command.js';
import { fidelityLines } from '../pipeline/verify-output.js';
import { DEFAULT_SETTINGS, type RenderSettings } from '../render/settings.js';
import { countMessages, formatMessages } from './format-messages.js';
import { markReviewed, printTranslationStatus } from './translations.js';

/** 0: success (warnings allowed); 1: some document has errors; 2: wrong usage. */
export const EXIT = { ok: 0, contentErrors: 1, usage: 2 } as const;

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
  verify: boolean;
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
  verify = true,
): Promise<number> {
  const started = performance.now();
  const result = await runBuild({ ...folders(options), outDir: outDir && resolve(outDir), settings, verify });
  for (const line of formatMessages(result.files)) console.error(line);
  if (result.fidelity) for (const line of fidelityLines(result.fidelity)) console.error(line);
  for (const key of result.removed) console.error(`${key}: removed its output, because its source file is gone.`);
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
    .option('--no-verify', 'skip reading every edition back to check it carries the whole procedure')
    .action(async (options: BuildCommandOptions) => {
      process.exitCode = await run(
        options,
        options.out,
        {
          brailleEngine: options.brailleEngine,
          speechEngine: options.speechEngine,
          pictogramDpi: Number(options.pictogramDpi) as RenderSettings['pictogramDpi'],
        },
        options.verify,
      );
    });
  withFolders(program.command('verify'))
    .description('Read every edition in the output folder back and check it carries the whole procedure.')
    .option('-o, --out <dir>', 'output folder', 'output')
    .action(async (options: FolderOptions & { out: string }) => {
      const started = performance.now();
      const outDir = requireFolder(options.out, 'Output');
      const result = await verifyOutput({ ...folders(options), outDir });
      for (const line of formatMessages(result.files)) console.error(line);
      if (result.fidelity) for (const line of fidelityLines(result.fidelity)) console.error(line);
      const { errors, warnings } = countMessages(result.files);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.error(
        `${result.verified} documents verified in ${options.out}; ${errors} errors, ${warnings} warnings (${seconds} s).`,
      );
      process.exitCode = errors > 0 ? EXIT.contentErrors : EXIT.ok;
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
    if (error instanceof UsageError) {
      console.error(`pelita: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
