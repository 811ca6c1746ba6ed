// The render worker's entry when Pelita runs from TypeScript source (vitest, tsx): a worker
// thread does not inherit the parent's TypeScript loader, so it registers tsx's itself.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./render-worker.ts');
export default worker.default;
export const verifyTask = worker.verifyTask;
