// The braille page per site (site.yaml `braille: { paper, cells, lines }`): A4 40 × 28 by
// default, 11 × 11.5 inch braille paper 40 × 25 on request; PEF and BRF follow it and
// the PEF validates against the PEF 1.0 schema either way. Bad values: a positioned error.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brailleRenderer } from '../src/render/braille/braille-renderer.js';
import { loadGeometry } from '../src/render/braille/geometry.js';
import type { ProcedureRun } from '../src/render/types.js';
import { tempDir } from './support/cli.js';
import { check, FIXTURES, REPO, renderContext, testSite, validProcedure } from './support/fixtures.js';

const SCHEMA =
  [join(REPO, '..', 'shared'), join(REPO, '..', '..', 'shared')]
    .map((dir) => join(dir, 'pef', 'pef-2008-1.rng'))
    .find((path) => existsSync(path)) ?? '';

async function render(braille?: { paper?: string; cells?: number; lines?: number }) {
  const checked = await check({ 'id/cuti-tahunan.md': validProcedure() });
  const procedure = checked[0]?.procedure;
  if (!procedure) throw new Error('procedure did not build');
  const context = await renderContext(checked);
  const site = { ...context.site, ...(braille ? { braille } : {}) };
  const run: ProcedureRun = { earlier: [], warn: () => {} };
  const artifacts =
    (await brailleRenderer.renderProcedure?.(context.outline(procedure), { ...context, site }, run)) ?? [];
  const file = (name: string) => artifacts.find((artifact) => artifact.path.endsWith(name))?.data.toString() ?? '';
  return { pef: file('braille.pef'), brf: file('braille.brf') };
}

function pages(pef: string): string[][] {
  return [...pef.matchAll(/<page>([\s\S]*?)<\/page>/g)].map((page) =>
    [...(page[1] ?? '').matchAll(/<row>(.*?)<\/row>|<row\/>/g)].map((row) => row[1] ?? ''),
  );
}

describe('braille page per site', () => {
  it('is A4 40 × 28 by default, braille paper 40 × 25 on request, and cells/lines override', () => {
    expect(loadGeometry()).toEqual({ cols: 40, rows: 28, pageNumber: 'bottom' });
    expect(loadGeometry({ paper: 'braille-11x11.5' })).toEqual({ cols: 40, rows: 25, pageNumber: 'bottom' });
    expect(loadGeometry({ paper: 'a4', cells: 38, lines: 27 })).toEqual({ cols: 38, rows: 27, pageNumber: 'bottom' });
  });

  for (const [paper, rows] of [
    [undefined, 28],
    ['braille-11x11.5', 25],
  ] as const) {
    it(`writes PEF and BRF pages of ${rows} lines for ${paper ?? 'the default'}, valid against the PEF schema`, async () => {
      const { pef, brf } = await render(paper ? { paper } : undefined);
      expect(pef).toContain(`<volume cols="40" rows="${rows}" rowgap="0" duplex="false">`);
      const all = pages(pef);
      // The procedure is long enough that a full page shows the length.
      expect(Math.max(...all.map((page) => page.length))).toBe(rows);
      for (const page of brf.split('\f').filter((page) => page.trim() !== '')) {
        expect(page.replace(/\r?\n$/, '').split(/\r?\n/).length).toBeLessThanOrEqual(rows);
      }
      if (!SCHEMA) return;
      const path = join(tempDir('pelita-paper-'), 'braille.pef');
      writeFileSync(path, pef);
      const result = spawnSync('xmllint', ['--noout', '--relaxng', SCHEMA, path], { encoding: 'utf8' });
      expect(result.stderr.trim()).toBe(`${path} validates`);
    });
  }

  it('rejects a paper, cells or lines it cannot use, with the line of `braille:`', async () => {
    const base = readFileSync(join(FIXTURES, 'site.yaml'), 'utf8');
    const line = base.split('\n').length;
    for (const bad of ['{ paper: letter }', '{ cells: 8 }', '{ lines: 25.5 }', '[a4]', '{ paper: a4, size: 3 }']) {
      const { file } = await testSite(`${base}braille: ${bad}\n`);
      expect(
        file.messages.map((m) => `${m.line} ${m.ruleId}`),
        bad,
      ).toEqual([`${line} wrong-type`]);
      expect(file.messages[0]?.reason).toBe('braille-paper-invalid');
    }
    const { file, site } = await testSite(`${base}braille: { paper: braille-11x11.5, lines: 24 }\n`);
    expect(file.messages).toEqual([]);
    expect(site?.braille).toEqual({ paper: 'braille-11x11.5', lines: 24 });
  });
});
