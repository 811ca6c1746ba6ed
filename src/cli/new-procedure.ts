// `pelita new <slug>`: a new procedure from templates/new/<lang>.md, never over an existing file.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { type Catalogue, formatMessage } from '../i18n/messages.js';
import { SLUG_PATTERN } from '../model/rules/slug.js';
import type { Folders } from '../pipeline/build.js';
import { DEFAULT_TEMPLATES_DIR } from '../pipeline/load-templates.js';
import { EXIT } from './exit-codes.js';

export async function newProcedure(
  folders: Folders,
  slug: string,
  catalogue: Catalogue,
  lang = 'id',
  today = new Date().toISOString().slice(0, 10),
): Promise<number> {
  const say = (id: string, params: Record<string, string>) => formatMessage(catalogue, { id, params });
  if (!SLUG_PATTERN.test(slug)) {
    console.error(`pelita: ${say('new-invalid-slug', { slug })}`);
    return EXIT.usage;
  }
  const target = join(folders.contentDir, lang, `${slug}.md`);
  const shown = relative(process.cwd(), target) || target;
  const template = await readTemplate(folders.templatesDir, lang);
  try {
    await mkdir(dirname(target), { recursive: true });
    // 'wx' fails when the file exists, even if it appeared a moment ago.
    await writeFile(target, template.replace('{updated}', today), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    console.error(`pelita: ${say('new-exists', { path: shown })}`);
    return EXIT.usage;
  }
  console.log(say('new-created', { path: shown }));
  return EXIT.ok;
}

/** The language's own template, else the Indonesian one. */
async function readTemplate(dir: string | undefined, lang: string): Promise<string> {
  for (const folder of [dir, DEFAULT_TEMPLATES_DIR]) {
    for (const name of [lang, 'id']) {
      if (!folder) continue;
      const text = await readFile(join(folder, 'new', `${name}.md`), 'utf8').catch(() => undefined);
      if (text !== undefined) return text;
    }
  }
  throw new Error('templates/new/id.md is missing');
}
