// Every page built from the sample content, opened in a real browser (Debian's
// Chromium) and checked with axe-core against WCAG 2.x A and AA: zero violations.
// Also: reflow at 320 px, a visible focus indicator, and an embedded fragment.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { pelita, readTree, tempDir } from './support/cli.js';
import { FIXTURES } from './support/fixtures.js';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const out = tempDir('pelita-a11y-');
let browser: Browser;
let buildReport = '';

beforeAll(async () => {
  // The native speech engine: this test reads pages, and native speech is much faster.
  const build = pelita(['build', '--out', out, '--speech-engine', 'native']);
  if (build.status !== 0) throw new Error(`sample build failed:\n${build.stderr}`);
  buildReport = build.stderr;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const pages = () => [...readTree(out).keys()].filter((path) => path.endsWith('index.html')).sort();

async function open(path: string, width = 1280): Promise<Page> {
  // axe needs a page of an explicit context.
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(out, path)).href);
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}

// Generous timeouts: axe on every page is slow on a loaded 2-core machine (not a speed test).
describe('sample content: every edition carries the whole procedure', () => {
  it('prints one fidelity line per edition, each complete', () => {
    const lines = buildReport.split('\n').filter((line) => /^[a-z-]+: \d+\/\d+ texts$/.test(line));
    expect(lines.map((line) => line.split(':')[0])).toEqual([
      'html',
      'fragment',
      'leaflet',
      'large-print',
      'braille',
      'audio',
      'talking-book',
      'pictogram',
      'pictogram-pdf',
      'catalog',
    ]);
    for (const line of lines) expect(line).toMatch(/: (\d+)\/\1 texts$/);
    expect(buildReport).not.toContain('edition-missing-text');
  });
});

describe('sample content in Chromium', { timeout: 600_000 }, () => {
  it('builds at least 13 pages (index + every procedure)', () => {
    expect(pages().length).toBeGreaterThanOrEqual(13);
  });

  it('would catch violations (the check itself works)', async () => {
    writeFileSync(join(out, 'bad.html'), '<!doctype html><html><body><img src="x.png"><a href="#"></a></body></html>');
    const page = await open('bad.html');
    const ids = (await axeViolations(page)).map((violation) => violation.split(':')[0]);
    expect(ids).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'link-name', 'document-title']));
    await page.context().close();
  });

  it('has zero axe-core WCAG 2.2 A/AA violations on every page', async () => {
    const report: Record<string, string[]> = {};
    for (const path of pages()) {
      const page = await open(path);
      const violations = await axeViolations(page);
      if (violations.length > 0) report[path] = violations;
      await page.context().close();
    }
    expect(report).toEqual({});
  });

  it('reflows at 320 px wide without horizontal scrolling (WCAG 1.4.10)', async () => {
    const wide: string[] = [];
    for (const path of pages()) {
      const page = await open(path, 320);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) wide.push(`${path}: ${width}px`);
      await page.context().close();
    }
    expect(wide).toEqual([]);
  });

  it('shows the skip link with a visible focus outline when tabbing in', async () => {
    const page = await open('id/cuti-tahunan/index.html');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return { text: element.textContent, outline: style.outlineStyle, width: style.outlineWidth, top: box.top };
    });
    expect(focused.text).toBe('Langsung ke isi utama');
    expect(focused.outline).not.toBe('none');
    expect(Number.parseFloat(focused.width)).toBeGreaterThanOrEqual(2);
    expect(focused.top).toBeGreaterThanOrEqual(0);
    await page.context().close();
  });

  it('has zero violations on a stale translation with its notice', async () => {
    const staleOut = join(out, 'stale');
    const build = pelita(['build', '--content', join(FIXTURES, 'translations'), '--out', staleOut]);
    expect(build.status).toBe(0);
    const page = await open('stale/jv/izin-belajar/index.html');
    expect(await page.locator('.pelita-notice').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('embeds a fragment in a host page with its own h1 without violations', async () => {
    const fragment = readTree(out).get('id/cuti-tahunan/fragment.html')!.toString('utf8');
    const host = join(out, 'host.html');
    writeFileSync(
      host,
      `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Situs BKPSDM</title>
<link rel="stylesheet" href="assets/pelita.css"></head>
<body><header><p>Situs resmi</p></header><main><h1>Layanan kepegawaian</h1>${fragment}</main></body></html>`,
    );
    const page = await open('host.html');
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.locator('h2.pelita-title').textContent()).toBe('Cuti Tahunan PNS');
    await page.context().close();
  });
});
