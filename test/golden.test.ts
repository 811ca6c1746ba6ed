// Golden files for the model and the HTML edition: each fixture folder
// `<lang>-<slug>/input.md` is checked, turned into a Procedure, and rendered.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlRenderer } from '../src/render/html/html-renderer.js';
import { check, expectGolden, FIXTURES, messageLines, renderContext, renderWith } from './support/fixtures.js';

const GOLDEN = `${FIXTURES}golden/`;
const cases = readdirSync(GOLDEN).sort();
const sources = Object.fromEntries(
  cases.map((name) => [`${name.replace('-', '/')}.md`, readFileSync(`${GOLDEN}${name}/input.md`, 'utf8')]),
);

describe('golden fixtures', async () => {
  const checked = await check(sources);
  const context = await renderContext(checked);

  for (const name of cases) {
    const doc = checked.find((d) => d.source === `${name.replace('-', '/')}.md`);
    describe(name, () => {
      it('is valid', () => {
        expect(messageLines(doc!)).toEqual([]);
      });
      it('model', () => {
        expectGolden(`${GOLDEN}${name}/expected-model.json`, `${JSON.stringify(doc!.procedure, null, 2)}\n`);
      });
      it('html page and fragment', async () => {
        const { artifacts } = await renderWith(htmlRenderer, doc!.procedure!, context);
        const file = (suffix: string) => String(artifacts.find((a) => a.path.endsWith(suffix))!.data);
        expectGolden(`${GOLDEN}${name}/expected-page.html`, file('/index.html'));
        expectGolden(`${GOLDEN}${name}/expected-fragment.html`, file('/fragment.html'));
      });
    });
  }
});
