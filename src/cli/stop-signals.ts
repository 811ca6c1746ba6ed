// Ctrl-C and SIGTERM stop the build between procedures, so every folder written is whole;
// a second signal stops at once (the next build then cleans up).
import { EXIT } from './exit-codes.js';

export interface StopSignals {
  signal: AbortSignal;
  /** 130 or 143 once a signal came. */
  exitCode(): number | undefined;
  dispose(): void;
}

export function listenForStop(): StopSignals {
  const controller = new AbortController();
  let code: number | undefined;
  const handlers = {
    SIGINT: () => stop(EXIT.interrupted),
    SIGTERM: () => stop(EXIT.terminated),
  };
  const stop = (exit: number) => {
    if (controller.signal.aborted) process.exit(exit);
    code = exit;
    controller.abort();
    console.error('pelita: stopping once the procedure in hand is written whole…');
  };
  process.on('SIGINT', handlers.SIGINT);
  process.on('SIGTERM', handlers.SIGTERM);
  return {
    signal: controller.signal,
    exitCode: () => code,
    dispose() {
      process.off('SIGINT', handlers.SIGINT);
      process.off('SIGTERM', handlers.SIGTERM);
    },
  };
}
