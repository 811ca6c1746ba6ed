// One build at a time (builds share the output folder and its cache manifest). What the
// writer just saved goes first; the slow editions wait behind it, one document at a time.

export type Task = () => Promise<void>;

export interface BuildQueue {
  /** A task for now: runs before every background task still waiting. */
  urgent(key: string, task: Task): void;
  /** A task for later; a task with the same key already waiting is replaced. */
  background(key: string, task: Task): void;
  /** Resolves when nothing runs or waits. */
  idle(): Promise<void>;
}

export function createBuildQueue(onError: (error: unknown) => void): BuildQueue {
  const urgent = new Map<string, Task>();
  const later = new Map<string, Task>();
  let running: Promise<void> | undefined;
  const next = (): Task | undefined => {
    for (const waiting of [urgent, later]) {
      const [key, task] = waiting.entries().next().value ?? [];
      if (key !== undefined && task) {
        waiting.delete(key);
        return task;
      }
    }
    return undefined;
  };
  const pump = () => {
    if (running) return;
    const task = next();
    if (!task) return;
    running = task()
      .catch(onError)
      .finally(() => {
        running = undefined;
        pump();
      });
  };
  return {
    urgent(key, task) {
      urgent.delete(key);
      urgent.set(key, task);
      pump();
    },
    background(key, task) {
      later.delete(key);
      later.set(key, task);
      pump();
    },
    async idle() {
      while (running) await running;
    },
  };
}
