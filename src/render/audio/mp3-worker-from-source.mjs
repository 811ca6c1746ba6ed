// The worker's entry when Pelita runs from TypeScript source (vitest, tsx): a worker thread
// does not inherit the parent's TypeScript loader (and, in Node 20, ignores `--import` in its
// execArgv), so it registers tsx's loader itself before loading the worker.
import { register } from 'tsx/esm/api';

register();
export default (await import('./mp3-worker.ts')).default;
