// Screenshots of built pages, to look at them as a reader would:
//   npx tsx scripts/screenshot.ts output/id/cuti-tahunan/index.html [width] [out.png]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../test/support/browser.js';

const [page = 'output/index.html', width = '1024', out = 'screenshot.png'] = process.argv.slice(2);
const browser = await launchChromium();
try {
  const tab = await browser.newPage({ viewport: { width: Number(width), height: 800 } });
  await tab.goto(pathToFileURL(resolve(page)).href);
  // A full-page shot does not scroll, so lazy pictures below the fold would stay empty.
  await tab.evaluate(() =>
    Promise.all(
      Array.from(document.images, (image) => {
        image.loading = 'eager';
        return image.decode().catch(() => undefined);
      }),
    ),
  );
  await tab.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
