// Text files as their editor meant them: a leading byte-order mark is dropped.
import { readFile } from 'node:fs/promises';

export async function readText(path: string): Promise<string> {
  const text = await readFile(path, 'utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
