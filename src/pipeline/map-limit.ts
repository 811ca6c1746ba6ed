// Many small file-system calls (lstat, small reads) at once instead of one after another:
// a rebuild with nothing changed is mostly such calls, and waiting for each in turn leaves
// the process idle. Results keep the order of the items (p-limit's map).
import pLimit from 'p-limit';

export function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  return pLimit(limit).map(items, fn);
}

/** How many file-system calls run at once. */
export const IO_AT_ONCE = 32;
