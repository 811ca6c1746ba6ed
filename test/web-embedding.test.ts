// Embeddable fragments under hostile host CSS, in Debian's Chromium: several fragments (two
// languages of one procedure among them) on one host page whose stylesheet fights Pelita's:
// list items stay on their own lines, text stays ≥ 16 CSS px, step numbers never cover
// their text, headings stay above their content, ids stay unique, axe finds nothing.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { pelita, readTree, tempDir } from './support/cli.js';
import { FIXTURES, REPO } from './support/fixtures.js';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const out = tempDir('pelita-embed-');
let browser: Browser;

/** Three host stylesheets a web team really meets: a blunt reset, a theme reset, a framework's reboot. */
const HOSTILE: Record<string, string> = {
  revert: '<style>* {all: revert} body {font-size: 10px} li {display: inline}</style>',
  theme: '<style>html {font-size: 62.5%} ol, ul {list-style: none} section {display: flex}</style>',
  bootstrap: '<link rel="stylesheet" href="bootstrap-reboot.css">',
};

const FRAGMENTS = ['id/kartu-keluarga-baru', 'id/akta-kelahiran', 'jv/akta-kelahiran'];

beforeAll(async () => {
  const build = pelita(['build', '--content', join(FIXTURES, 'web'), '--out', out, '--editions', 'html']);
  if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
  copyFileSync(join(REPO, 'node_modules/bootstrap/dist/css/bootstrap-reboot.css'), join(out, 'bootstrap-reboot.css'));
  const files = readTree(out);
  const fragments = FRAGMENTS.map((dir) => files.get(`${dir}/fragment.html`)!.toString('utf8')).join('\n');
  for (const [name, css] of Object.entries(HOSTILE)) {
    // The host's own CSS comes last, as a site's theme usually does.
    writeFileSync(
      join(out, `host-${name}.html`),
      `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Situs Disdukcapil</title>
<link rel="stylesheet" href="assets/pelita.css">${css}</head>
<body><header><p>Situs resmi Pemerintah Kabupaten Wanasari</p></header>
<main><h1>Layanan kependudukan</h1>${fragments}</main></body></html>`,
    );
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

interface Layout {
  duplicateIds: string[];
  runTogether: string[];
  smallText: string[];
  coveredSteps: string[];
  headingsBeside: string[];
  fragments: number;
}

describe.each(Object.keys(HOSTILE))('three fragments under the "%s" host stylesheet', { timeout: 120_000 }, (name) => {
  it('keeps its layout, its text size and unique ids, with zero axe violations', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(out, `host-${name}.html`)).href);
    const layout: Layout = await page.evaluate(() => {
      const describe = (element: Element) =>
        `${element.closest('.pelita')?.getAttribute('aria-labelledby')} ${element.tagName.toLowerCase()}: ${element.textContent?.trim().slice(0, 40)}`;
      const ids = Array.from(document.querySelectorAll('[id]')).map((element) => element.id);
      const duplicateIds = ids.filter((id, index) => ids.indexOf(id) !== index);
      const runTogether: string[] = [];
      for (const list of Array.from(document.querySelectorAll('.pelita ul, .pelita ol'))) {
        const items = Array.from(list.children).filter((child) => child.tagName === 'LI');
        for (let i = 1; i < items.length; i++) {
          const [above, below] = [items[i - 1]!.getBoundingClientRect(), items[i]!.getBoundingClientRect()];
          if (below.top < above.bottom - 0.5) runTogether.push(describe(items[i]!));
        }
      }
      const smallText: string[] = [];
      for (const element of Array.from(document.querySelectorAll('.pelita *'))) {
        if (element.closest('sup')) continue;
        const ownText = Array.from(element.childNodes).some((node) => node.nodeType === 3 && node.textContent?.trim());
        if (ownText && Number.parseFloat(getComputedStyle(element).fontSize) < 16) smallText.push(describe(element));
      }
      const coveredSteps: string[] = [];
      for (const item of Array.from(document.querySelectorAll('.pelita-steps-list > li'))) {
        const circle = getComputedStyle(item, '::before');
        const box = item.getBoundingClientRect();
        const circleRight = box.left + Number.parseFloat(circle.left) + Number.parseFloat(circle.width);
        // The first line's first text, wherever it is (an <abbr> may wrap it).
        const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT, {
          acceptNode: (node) => (node.textContent?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
        });
        const text = walker.nextNode();
        const range = document.createRange();
        range.selectNodeContents(text!);
        const textBox = range.getBoundingClientRect();
        const circleBottom = box.top + Number.parseFloat(circle.top) + Number.parseFloat(circle.height);
        if (circle.position !== 'absolute' || textBox.left < circleRight || box.bottom < circleBottom - 0.5) {
          coveredSteps.push(describe(item));
        }
      }
      const headingsBeside: string[] = [];
      for (const heading of Array.from(document.querySelectorAll('.pelita section > :is(h2, h3, h4)'))) {
        const next = heading.nextElementSibling;
        if (next && next.getBoundingClientRect().top < heading.getBoundingClientRect().bottom - 0.5) {
          headingsBeside.push(describe(heading));
        }
      }
      return {
        duplicateIds,
        runTogether,
        smallText,
        coveredSteps,
        headingsBeside,
        fragments: document.querySelectorAll('article.pelita').length,
      };
    });
    expect(layout).toEqual({
      duplicateIds: [],
      runTogether: [],
      smallText: [],
      coveredSteps: [],
      headingsBeside: [],
      fragments: FRAGMENTS.length,
    });
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.length}`)).toEqual([]);
    await context.close();
  });
});

describe('the checks themselves', { timeout: 120_000 }, () => {
  it('see the breakage when Pelita’s stylesheet is missing', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const fragment = readTree(out).get('id/kartu-keluarga-baru/fragment.html')!.toString('utf8');
    await page.setContent(
      `<!doctype html><html lang="id"><head><title>x</title>${HOSTILE.revert}</head><body>${fragment}</body></html>`,
    );
    const inline = await page.evaluate(() => {
      const items = Array.from(document.querySelectorAll('.pelita-requirements-list > li'));
      return items[1]!.getBoundingClientRect().top < items[0]!.getBoundingClientRect().bottom;
    });
    expect(inline).toBe(true);
    await context.close();
  });
});
