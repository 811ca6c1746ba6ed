// A PDF's bytes depend on its procedure only, not on what the same process drew before:
// fonts are shared by every document (and kept by each worker of the render pool), so
// state left on them by one document must not reach the next one's text.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Procedure } from '../src/model/types.js';
import { renderPdf } from '../src/render/pdf/pdf-document.js';
import { readResources, THEME_FILE } from '../src/render/pdf/resources.js';
import { tempDir } from './support/cli.js';
import { check, FIXTURES, renderContext } from './support/fixtures.js';

const SOURCES = {
  // Its product is bold and has ";" (built from "," and "." in the body font) but no ",".
  'id/ujian-dinas.md': join(FIXTURES, 'pdf/history-ujian-dinas.md'),
  // Its bold cost has the comma: "Rp 0,- (gratis)".
  'id/pencantuman-gelar.md': join(FIXTURES, 'pdf/history-pencantuman-gelar.md'),
};

describe('PDF independent of earlier documents', () => {
  it('makes the same bytes for a procedure drawn first in a process as after another one', async () => {
    const checked = await check(
      Object.fromEntries(Object.entries(SOURCES).map(([source, path]) => [source, readFileSync(path, 'utf8')])),
    );
    const context = await renderContext(checked);
    const procedureOf = (source: string) => checked.find((doc) => doc.source === source)?.procedure;
    const [other, target] = [procedureOf('id/ujian-dinas.md'), procedureOf('id/pencantuman-gelar.md')];
    if (!other || !target) throw new Error('fixtures are invalid');

    // Each order in its own set of freshly loaded fonts, as in a new process or worker.
    const drawInOrder = async (procedures: Procedure[]) => {
      const { theme, fonts } = await readResources(THEME_FILE);
      const files: Uint8Array[] = [];
      for (const procedure of procedures)
        for (const edition of theme.editions)
          files.push(
            await renderPdf({
              outline: context.outline(procedure),
              site: context.site,
              words: context.words.get('id') as never,
              theme,
              edition,
              fonts,
              warn: () => {},
            }),
          );
      return files.slice(-theme.editions.length);
    };
    const first = await drawInOrder([target]);
    const after = await drawInOrder([other, target]);

    const dir = tempDir('pelita-pdf-history-');
    for (const [index, bytes] of [...first, ...after].entries()) {
      const path = join(dir, `${index}.pdf`);
      writeFileSync(path, bytes);
      expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }), `edition ${index}`).toContain(
        'Rp 0,- (gratis)',
      );
    }
    expect(after.length).toBe(first.length);
    for (const [index, bytes] of after.entries())
      expect(Buffer.from(bytes).equals(Buffer.from(first[index] as Uint8Array)), `edition ${index}`).toBe(true);
  }, 60_000);
});
