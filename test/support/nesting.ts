// A procedure with lists nested `depth` levels deep, for layout cost tests and benches.
import { validProcedure } from './fixtures.js';

/** A free section holding a list whose first item has `depth` levels of sub-lists, two items per level. */
export function nestedProcedure(depth: number): string {
  const lines: string[] = [];
  for (let level = 0; level < depth; level++) {
    lines.push(`${'  '.repeat(level)}- Butir tingkat ${level + 1}: berkas pendukung yang disahkan pejabat berwenang.`);
  }
  for (let level = depth - 1; level >= 0; level--)
    lines.push(`${'  '.repeat(level)}- Butir penutup tingkat ${level + 1}.`);
  return validProcedure((text) =>
    text.replace('## Pengaduan', `## Rincian Berkas\n\n${lines.join('\n')}\n\n## Pengaduan`),
  );
}
