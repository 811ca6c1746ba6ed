// Signs of life on long builds. On a terminal: one live line (log-update) with documents
// done, the edition being made, time elapsed and an estimate of the time left. Elsewhere
// (CI logs, pipes): a plain line as each document is done.
import { createLogUpdate } from 'log-update';
import { type Catalogue, formatMessage } from '../i18n/messages.js';

export interface Progress {
  started(total: number): void;
  editionStarted(source: string, edition: string): void;
  documentDone(source: string): void;
  /** Prints lines above the live line. */
  print(lines: readonly string[]): void;
  stop(): void;
}

export interface ProgressOptions {
  catalogue: Catalogue;
  stream: NodeJS.WriteStream;
  /** A live line (the stream is a terminal) or plain lines. */
  live: boolean;
  /** No plain lines (`--quiet`, `--json`). */
  quiet?: boolean;
  /** Milliseconds since the start; injectable for tests. */
  clock?: () => number;
}

/** `75` → `1:15`. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

export function createProgress(options: ProgressOptions): Progress {
  const { catalogue, stream } = options;
  const clock = options.clock ?? (() => performance.now());
  const start = clock();
  let total = 0;
  let done = 0;
  let edition = '';
  const elapsed = () => (clock() - start) / 1000;
  const line = () => {
    if (total === 0 || done === 0 || edition === '') {
      return formatMessage(catalogue, {
        id: 'progress-start',
        params: { done, total, elapsed: formatDuration(elapsed()) },
      });
    }
    return formatMessage(catalogue, {
      id: 'progress',
      params: {
        done,
        total,
        edition,
        elapsed: formatDuration(elapsed()),
        remaining: formatDuration((elapsed() / done) * (total - done)),
      },
    });
  };
  if (!options.live) {
    return {
      started: (count) => {
        total = count;
      },
      editionStarted: () => {},
      documentDone: (source) => {
        done++;
        if (options.quiet) return;
        const params = { done, total, dir: source.replace(/\.md$/, ''), elapsed: formatDuration(elapsed()) };
        stream.write(`${formatMessage(catalogue, { id: 'progress-document', params })}\n`);
      },
      print: (lines) => {
        if (lines.length > 0) stream.write(`${lines.join('\n')}\n`);
      },
      stop: () => {},
    };
  }
  const update = createLogUpdate(stream, { showCursor: true });
  const render = () => update(line());
  // Elapsed time moves even while one slow edition (audio) works.
  const timer = setInterval(render, 250);
  timer.unref();
  return {
    started: (count) => {
      total = count;
      render();
    },
    editionStarted: (_source, id) => {
      edition = id;
      render();
    },
    documentDone: () => {
      done++;
      render();
    },
    print: (lines) => {
      if (lines.length === 0) return;
      update.clear();
      stream.write(`${lines.join('\n')}\n`);
      render();
    },
    stop: () => {
      clearInterval(timer);
      update.clear();
    },
  };
}
