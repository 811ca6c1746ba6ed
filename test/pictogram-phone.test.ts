// The picture list on the web page, on a phone: procedures of another service the
// tests never saw (test/fixtures/pictogram-eval/content), built with the CLI and
// opened at 320 CSS px in Debian's Chromium. Each picture stands beside its item's
// whole text as real text, large enough to read, nothing cut or scrolled sideways.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { pelita, tempDir } from './support/cli.js';
import { FIXTURES } from './support/fixtures.js';

const content = join(FIXTURES, 'pictogram-eval', 'content');
const out = tempDir('pelita-pictures-');
let browser: Browser;
let report = '';

beforeAll(async () => {
  const build = pelita(['build', '--content', content, '--out', out, '--editions', 'html,pictogram']);
  if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
  report = build.stderr;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('the build summary', () => {
  it('splits the pictures into specific, generic and none', () => {
    expect(report).toMatch(/^pictures: \d+ specific, [1-9]\d* generic, [1-9]\d* none$/m);
    expect(report).toMatch(/^pictogram: (\d+)\/\1 texts$/m);
  });
});

describe('the picture list at 320 px', () => {
  for (const slug of ['akta-kematian', 'ppdb-smp', 'izin-praktik-bidan']) {
    it(`${slug}: every item's picture beside its whole text, readable, no sideways scroll`, async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(out, 'id', slug, 'index.html')).href);
      await page.evaluate(() => {
        for (const img of Array.from(document.querySelectorAll('img'))) img.loading = 'eager';
      });
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll('.pelita-picture-list img')).every(
          (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
        ),
      );
      const rows = await page.evaluate(() =>
        Array.from(document.querySelectorAll('.pelita-picture-item')).map((item) => {
          const text = item.querySelector('.pelita-picture-text') as HTMLElement;
          const images = item.querySelector('.pelita-picture-images') as HTMLElement;
          const t = text.getBoundingClientRect();
          const i = images.getBoundingClientRect();
          return {
            text: text.textContent ?? '',
            fontSize: Number.parseFloat(getComputedStyle(text).fontSize),
            pictures: item.querySelectorAll('img').length,
            beside: i.right <= t.left,
            inside: t.right <= item.getBoundingClientRect().right + 0.5,
          };
        }),
      );
      // Every requirement and step of the page is a row, with its whole text.
      const listed = await page.evaluate(() =>
        Array.from(document.querySelectorAll('.pelita-requirements-list > li, .pelita-steps-list > li')).map(
          (li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        ),
      );
      expect(rows.length).toBe(listed.length);
      for (const [i, row] of rows.entries()) {
        const bare = (text = '') => text.replace(/[\s–]+/g, '');
        expect(bare(listed[i])).toBe(bare(row.text));
        expect(row.fontSize).toBeGreaterThanOrEqual(16);
        expect(row.beside).toBe(true);
        expect(row.inside).toBe(true);
      }
      expect(rows.filter((row) => row.pictures > 0).length).toBeGreaterThan(rows.length / 2);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      const axe = await new AxeBuilder({ page })
        .include('.pelita-pictograms')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(axe.violations.map((violation) => violation.id)).toEqual([]);
      await context.close();
    }, 60_000);
  }
});
