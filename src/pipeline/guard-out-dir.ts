// Folders that may never be the output folder: building there would overwrite or prune
// the writers' own files (the content, the templates) or a whole disk or home folder.
import { realpath } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, parse, relative, resolve } from 'node:path';
import { OutFolderError } from './output-errors.js';

/** @returns the output folder's real path (links on the way resolved) once it is allowed. */
export async function guardOutDir(outDir: string, contentDir: string, templatesDir?: string): Promise<string> {
  const out = await realPathOf(outDir);
  const refuse = (why: string) => {
    throw new OutFolderError(`${outDir} cannot be the output folder: ${why} Choose another folder with --out.`);
  };
  if (out === parse(out).root) refuse('it is the top folder of the disk.');
  if (out === (await realPathOf(homedir()))) refuse('it is your home folder.');
  const folders: [string, string][] = [[contentDir, 'content']];
  if (templatesDir !== undefined) folders.push([templatesDir, 'templates']);
  for (const [dir, name] of folders) {
    const real = await realPathOf(dir);
    if (out === real) refuse(`it is the ${name} folder.`);
    if (isInside(real, out)) refuse(`it holds the ${name} folder (${dir}).`);
    if (isInside(out, real)) refuse(`it is inside the ${name} folder (${dir}).`);
  }
  return out;
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The real path of `path`, or of its nearest existing ancestor joined with the rest. */
async function realPathOf(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(await realPathOf(parent), basename(absolute));
  }
}
