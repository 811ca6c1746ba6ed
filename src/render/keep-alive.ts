// A helper process kept between tasks (an MP3 process, a lasting lou_translate) must not keep
// the build's process alive while it waits, and must while it works for someone.
import type { ChildProcess } from 'node:child_process';

/** Whether the child (its process, IPC channel and pipes) keeps this process alive. */
export function keepAlive(child: ChildProcess, keep: boolean): void {
  const handles = [child, child.channel, child.stdin, child.stdout, child.stderr] as (
    | { ref?(): void; unref?(): void }
    | null
    | undefined
  )[];
  for (const handle of handles)
    if (keep) handle?.ref?.();
    else handle?.unref?.();
}
