// Atomic writes: each file is written to a temporary name and renamed, so a
// reader (or a crashed build) never sees half a file.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Artifact } from '../render/types.js';

export async function writeArtifacts(outDir: string, artifacts: readonly Artifact[]): Promise<string[]> {
  const written: string[] = [];
  for (const artifact of artifacts) {
    const path = join(outDir, ...artifact.path.split('/'));
    await mkdir(dirname(path), { recursive: true });
    const { data } = artifact;
    await writeFileAtomic(
      path,
      typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength),
    );
    written.push(artifact.path);
  }
  return written;
}
