// Search on a static build opened from file://, in Chromium: by keyboard, with results
// announced in a status region, and Indonesian stems ("catat" finds "mencatat").
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { pelita, tempDir } from './support/cli.js';
import { FIXTURES } from './support/fixtures.js';

const fixture = tempDir('pelita-search-');
const sample = tempDir('pelita-search-sample-');
let browser: Browser;

beforeAll(async () => {
  for (const [content, out] of [
    [join(FIXTURES, 'web'), fixture],
    [undefined, sample],
  ] as const) {
    const build = pelita(['build', ...(content ? ['--content', content] : []), '--out', out, '--editions', 'html']);
    if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function open(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto(pathToFileURL(path).href);
  return page;
}

/** Reaches the search field with Tab alone, types the query and presses Enter. */
async function searchByKeyboard(page: Page, query: string) {
  for (let presses = 0; presses < 8; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.getAttribute('type') === 'search')) break;
  }
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('pelita-search-input');
  await page.keyboard.type(query);
  await page.keyboard.press('Enter');
  await page.locator('.pelita-search-status:not(:empty)').waitFor();
  return {
    status: await page.locator('[role="status"].pelita-search-status').textContent(),
    titles: await page.locator('.pelita-search-results a').allTextContents(),
  };
}

describe('search', { timeout: 120_000 }, () => {
  it('"cuti" finds the leave procedures of the sample from the index page', async () => {
    const page = await open(join(sample, 'index.html'));
    const { titles, status } = await searchByKeyboard(page, 'cuti');
    expect(titles).toEqual(expect.arrayContaining(['Cuti Tahunan PNS', 'Cuti Besar PNS', 'Cuti Melahirkan PNS']));
    expect(status).toBe(`${titles.length} layanan ditemukan`);
    await page.context().close();
  });

  it('finds by stem on a procedure page, links work, and axe finds nothing with results shown', async () => {
    const page = await open(join(fixture, 'id/surat-pindah/index.html'));
    // "Penerbitan", "diterbitkan" have the stem "terbit"; no text has the word itself or a word starting with it.
    const { titles } = await searchByKeyboard(page, 'terbit');
    expect(titles.sort()).toEqual(['Penerbitan Akta Kelahiran', 'Penerbitan Kartu Keluarga Baru']);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
    await page.locator('.pelita-search-results a').first().click();
    await page.waitForURL(/akta-kelahiran\/$/);
    await page.context().close();
  });

  it('searches the page language’s own index and says when nothing matches', async () => {
    const page = await open(join(fixture, 'jv/index.html'));
    const { titles } = await searchByKeyboard(page, 'kelairan');
    expect(titles).toEqual(['Ngurus Akta Kelahiran']);
    await page.locator('#pelita-search-input').fill('paspor');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.pelita-search-status').textContent())
      .toBe('Boten wonten layanan ingkang cocog');
    await page.context().close();
  });

  it('ships the web fonts it names: Atkinson Hyperlegible Next, and Noto Sans Javanese for aksara Jawa', async () => {
    const page = await open(join(fixture, 'index.html'));
    const loaded = await page.evaluate(async () => {
      const script = document.createElement('p');
      script.lang = 'jv-Java';
      script.textContent = 'ꦥꦼꦭꦶꦠ';
      document.querySelector('.pelita')!.append(script);
      const javanese = await document.fonts.load('16px "Noto Sans Javanese"', 'ꦥꦼꦭꦶꦠ');
      const latin = await document.fonts.load('700 18px "Atkinson Hyperlegible Next"', 'Layanan');
      await document.fonts.ready;
      return {
        javanese: javanese.map((face) => face.status),
        latin: latin.map((face) => face.status),
        family: getComputedStyle(script).fontFamily.split(',')[0],
        display: [...javanese, ...latin].every((face) => face.display === 'swap'),
      };
    });
    expect(loaded).toEqual({ javanese: ['loaded'], latin: ['loaded'], family: '"Noto Sans Javanese"', display: true });
    await page.context().close();
  });

  it('the index links each unit’s page, which lists its services and leads back; no axe violations', async () => {
    const page = await open(join(fixture, 'index.html'));
    const axe = async () =>
      (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()).violations.map(
        (violation) => violation.id,
      );
    const units = page.locator('.pelita-index-units a');
    expect(await units.allTextContents()).toEqual([
      'Bidang Pelayanan Pencatatan Sipil',
      'Bidang Pelayanan Pendaftaran Penduduk',
    ]);
    expect(await axe()).toEqual([]);
    await units.nth(1).click();
    await page.waitForURL(/unit\/id\/bidang-pelayanan-pendaftaran-penduduk\/$/);
    // Links are clean folder addresses (a web server's); from file:// the page is its index.html.
    await page.goto(`${page.url()}index.html`);
    expect(await page.locator('h1').textContent()).toBe('Bidang Pelayanan Pendaftaran Penduduk');
    expect(await page.locator('.pelita-index-list a').allTextContents()).toEqual([
      'Penerbitan Kartu Keluarga Baru',
      'Surat Keterangan Pindah',
    ]);
    expect(await axe()).toEqual([]);
    await page.locator('.pelita-breadcrumb a').click();
    await page.waitForURL(pathToFileURL(`${fixture}/`).href);
    await page.context().close();
  });
});
