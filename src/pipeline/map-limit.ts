// Many small file-system calls (lstat, small reads) at once instead of one after another:
// a rebuild with nothing changed is mostly such calls, and waiting for each in turn leaves
// the process idle. Results keep the order of the items.
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await fn(items[index] as T, index);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** How many file-system calls run at once. */
export const IO_AT_ONCE = 32;
