// A worker for test/recycling-pool.test.ts: tells which thread ran the task, after a wait.
import { setTimeout } from 'node:timers/promises';
import { threadId } from 'node:worker_threads';

export default async function task({ wait = 0, fail = false }) {
  await setTimeout(wait);
  if (fail) throw new Error('failed on purpose');
  return threadId;
}
