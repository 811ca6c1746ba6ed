// One build per output folder: two at once would mix their files (last writer wins).
// The lock file holds the builder's process id; a lock whose process is gone (killed)
// is taken over, and the caller is told: only then can a build have left files half done.
import { constants } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { asDiskError, LockedError } from './output-errors.js';

export const LOCK_FILE = '.pelita-lock';

/** Locks this process holds, so a second build in the same process is refused too. */
const held = new Set<string>();

export interface Lock {
  release(): Promise<void>;
  /** The lock of a build that did not end (killed, or its machine stopped) was taken over. */
  tookOver: boolean;
}

export async function acquireLock(outDir: string): Promise<Lock> {
  const path = join(outDir, LOCK_FILE);
  let tookOver = false;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      held.add(path);
      const release = async () => {
        held.delete(path);
        await unlink(path).catch(() => undefined);
      };
      return { release, tookOver };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw asDiskError(error, path);
      const pid = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      const alive = pid === process.pid ? held.has(path) : Number.isInteger(pid) && pid > 0 && isRunning(pid);
      if (alive) {
        throw new LockedError(
          `another Pelita build (process ${pid}) is writing into ${outDir}. Wait until it ends, then build again.`,
        );
      }
      await unlink(path).catch(() => undefined); // left by a build that was killed
      tookOver = true;
    }
  }
  throw new LockedError(`another Pelita build is starting in ${outDir}. Wait until it ends, then build again.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
