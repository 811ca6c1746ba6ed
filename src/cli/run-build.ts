// `pelita build` and `pelita check`: runs the pipeline and reports as it goes.
import { resolve } from 'node:path';
import { type Catalogue, formatMessage } from '../i18n/messages.js';
import { type Folders, runBuild } from '../pipeline/build.js';
import type { Shard } from '../pipeline/shard.js';
import { verifyOutput } from '../pipeline/verify-command.js';
import { fidelityLines } from '../pipeline/verify-output.js';
import type { EditionId } from '../render/registry.js';
import type { RenderSettings } from '../render/settings.js';
import { EXIT } from './exit-codes.js';
import { createProgress } from './progress.js';
import { countMessages, formatFile, formatJson } from './reporter.js';
import { listenForStop } from './stop-signals.js';

export interface ReportOptions {
  catalogue: Catalogue;
  quiet?: boolean;
  json?: boolean;
}

export async function buildCommand(
  folders: Folders,
  outDir: string | undefined,
  report: ReportOptions,
  editions?: readonly EditionId[],
  settings: Partial<RenderSettings> = {},
  verify = true,
  force = false,
  shard?: Shard,
): Promise<number> {
  const { catalogue, quiet, json } = report;
  const stderr = process.stderr;
  const color = stderr.isTTY === true && stderr.hasColors?.() === true;
  const progress = createProgress({ catalogue, stream: stderr, live: stderr.isTTY === true, quiet: quiet || json });
  const say = (id: string, params: Record<string, string | number> = {}) => formatMessage(catalogue, { id, params });
  const started = performance.now();
  let result: Awaited<ReturnType<typeof runBuild>>;
  // Ctrl-C and SIGTERM stop between procedures, so every procedure folder stays whole.
  const stop = outDir ? listenForStop() : undefined;
  try {
    result = await runBuild({
      ...folders,
      outDir: outDir && resolve(outDir),
      settings,
      editions,
      verify,
      force,
      shard,
      signal: stop?.signal,
      observer: {
        started: (total) => progress.started(total),
        editionStarted: (source, edition) => progress.editionStarted(source, edition),
        fileDone: (file, source) => {
          if (!json) progress.print(formatFile(file, { catalogue, quiet, color }));
          if (source) progress.documentDone(source);
        },
      },
    });
  } finally {
    progress.stop();
    stop?.dispose();
  }
  const stopped = stop?.exitCode();
  if (result.cancelled && stopped !== undefined) {
    stderr.write(`${say('build-cancelled', { built: result.built })}\n`);
    process.exit(stopped); // renders still under way are dropped
  }
  const { errors, warnings } = countMessages(result.files);
  if (json) {
    process.stdout.write(`${formatJson(result.files, { catalogue, quiet })}\n`);
    return errors > 0 ? EXIT.contentErrors : EXIT.ok;
  }
  const lines: string[] = [];
  for (const dir of result.removed) lines.push(say('output-removed', { dir }));
  for (const path of result.keptFiles) lines.push(say('output-kept', { path }));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const counts = { built: result.built, documents: result.documents, failed: result.failed, errors, warnings, seconds };
  lines.push(outDir ? say('summary-build', { ...counts, out: outDir }) : say('summary-check', counts));
  for (const kept of result.kept)
    lines.push(say('summary-kept', { title: kept.title, dir: kept.dir, date: kept.updated }));
  for (const dir of result.absent) lines.push(say('summary-absent', { dir }));
  // Only when a picture sheet was planned (not with `--editions` leaving it out).
  const pictures = result.pictures;
  if (pictures && pictures.specific + pictures.generic + pictures.none > 0)
    lines.push(say('summary-pictures', pictures));
  if (result.fidelity) lines.push(...fidelityLines(result.fidelity, say));
  stderr.write(`${lines.join('\n')}\n`);
  return errors > 0 ? EXIT.contentErrors : EXIT.ok;
}

/** `pelita verify`: the output folder read back against the content; writes nothing. */
export async function verifyCommand(folders: Folders, outDir: string, report: ReportOptions): Promise<number> {
  const { catalogue, quiet, json } = report;
  const say = (id: string, params: Record<string, string | number> = {}) => formatMessage(catalogue, { id, params });
  const started = performance.now();
  const result = await verifyOutput({ ...folders, outDir: resolve(outDir) });
  const { errors, warnings } = countMessages(result.files);
  if (json) {
    process.stdout.write(`${formatJson(result.files, { catalogue, quiet })}\n`);
    return errors > 0 ? EXIT.contentErrors : EXIT.ok;
  }
  const color = process.stderr.isTTY === true && process.stderr.hasColors?.() === true;
  const lines = result.files.flatMap((file) => formatFile(file, { catalogue, quiet, color }));
  if (result.fidelity) lines.push(...fidelityLines(result.fidelity, say));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  lines.push(say('summary-verify', { verified: result.verified, out: outDir, errors, warnings, seconds }));
  process.stderr.write(`${lines.join('\n')}\n`);
  return errors > 0 ? EXIT.contentErrors : EXIT.ok;
}
