// `pelita preview` in Chromium: a saved title shows without a manual reload, and an
// error shows on the page with its line, in Indonesian.
import type { ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { tempDir } from './support/cli.js';
import { REPO } from './support/fixtures.js';
import { startPreviewProcess } from './support/preview.js';

describe('pelita preview', () => {
  let browser: Browser;
  let preview: { child: ChildProcess; url: string };
  const content = tempDir('pelita-preview-content-');
  const page = join(content, 'id/cuti-tahunan.md');

  beforeAll(async () => {
    cpSync(join(REPO, 'content'), content, { recursive: true });
    [browser, preview] = await Promise.all([launchChromium(), startPreviewProcess(content, tempDir())]);
  }, 120_000);
  afterAll(async () => {
    preview?.child.kill('SIGTERM');
    await browser?.close();
  });

  it('listens on 127.0.0.1 and serves the sample', () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('shows a saved title without a manual reload, then an error with its line', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${preview.url}id/cuti-tahunan/index.html`);
    await expect(tab.locator('h1').textContent()).resolves.toContain('Cuti Tahunan PNS');
    await tab.waitForFunction(() => document.querySelector('script[data-page]') !== null);
    const original = readFileSync(page, 'utf8');
    writeFileSync(page, original.replace('title: Cuti Tahunan PNS', 'title: Cuti Tahunan Pratinjau'));
    await tab.locator('h1', { hasText: 'Cuti Tahunan Pratinjau' }).waitFor({ timeout: 30_000 });

    writeFileSync(page, original.replace('cost: Gratis\n', ''));
    const overlay = tab.locator('#pelita-preview-messages');
    await overlay.waitFor({ timeout: 30_000 });
    const text = await overlay.textContent();
    expect(text).toContain('Kunci wajib "cost" belum ada');
    expect(text).toMatch(/baris \d+, kolom \d+/);
    expect(text).toContain('missing-cost');

    await tab.goto(`${preview.url}__pelita/status`);
    const row = tab.locator('tr', { hasText: 'id/cuti-tahunan.md' });
    await expect(row.textContent()).resolves.toContain('kesalahan');
    await expect(tab.locator('tr').count()).resolves.toBe(16);
  }, 120_000);
});
