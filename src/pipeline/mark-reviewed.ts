// `pelita translations --mark-reviewed jv/slug`: records in the translation's front
// matter which version of the original it was reviewed against. Only the `source:` line
// changes; everything else in the file stays byte for byte.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileSafe } from './safe-write.js';

/** Sets `source: <marker>` in the front matter of `text`, replacing an existing line. */
export function setSourceMarker(text: string, marker: string): string {
  const match = /^(---\r?\n)([\s\S]*?)(\r?\n---[ \t]*(?:\r?\n|$))/.exec(text);
  if (!match) throw new Error('the file has no front matter');
  const [, open = '', body = '', close = ''] = match;
  const line = `source: ${marker}`;
  const lines = body.split('\n');
  const index = lines.findIndex((candidate) => /^source\s*:/.test(candidate));
  if (index >= 0) lines[index] = line + (lines[index]?.endsWith('\r') ? '\r' : '');
  else lines.push(line);
  return open + lines.join('\n') + close + text.slice(match[0].length);
}

export async function writeSourceMarker(contentDir: string, source: string, marker: string): Promise<void> {
  const text = await readFile(join(contentDir, ...source.split('/')), 'utf8');
  // A byte-order mark stays where the writer's editor put it.
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  await writeFileSafe(contentDir, source, bom + setSourceMarker(text.slice(bom.length), marker));
}
