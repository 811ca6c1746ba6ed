// Which shard of a build a document belongs to: a stable hash of its `<lang>/<slug>`, so
// every machine of a CI matrix or Kubernetes Indexed Job picks the same subset, whatever
// the order it reads the content in.
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based, as `--shard 2/3` writes it. */
  index: number;
  count: number;
}

/** `2/3` → { index: 2, count: 3 }; undefined when not of that form. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}

/** `source`: `<lang>/<slug>.md` or `<lang>/<slug>`. */
export function inShard(source: string, shard: Shard): boolean {
  const dir = source.replace(/\.md$/, '');
  const digest = createHash('sha256').update(dir).digest();
  return (digest.readUInt32BE(0) % shard.count) + 1 === shard.index;
}
