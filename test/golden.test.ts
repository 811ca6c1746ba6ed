// Golden files for the model and the HTML edition: each fixture folder
// `<lang>-<slug>/input.md` is checked, turned into a Procedure, and rendered.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlRenderer } from '../src/render/html/html-renderer.js';
import { CORPUS, CORPUS_SOURCES, checkCorpus, corpusName } from './support/corpus.js';
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

describe('golden corpus: html', async () => {
  const checked = await checkCorpus();
  const context = await renderContext(checked);
  for (const source of CORPUS_SOURCES) {
    const procedure = checked.find((doc) => doc.source === source)!.procedure!;
    const { artifacts } = await renderWith(htmlRenderer, procedure, context);
    const file = (suffix: string) => String(artifacts.find((a) => a.path.endsWith(suffix))!.data);
    it(`${source} page and fragment`, () => {
      expectGolden(join(CORPUS, `${corpusName(source)}.page.html`), file('/index.html'));
      expectGolden(join(CORPUS, `${corpusName(source)}.fragment.html`), file('/fragment.html'));
    });
    it(`${source}: every link inside the page reaches an element, footnotes both ways`, () => {
      const page = file('/index.html');
      const ids = new Set([...page.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
      const targets = [...page.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]);
      expect(targets.some((target) => /^pelita-(id|jv)-[a-z-]+-fn-1$/.test(target ?? ''))).toBe(true);
      expect(targets.some((target) => /^pelita-(id|jv)-[a-z-]+-fnref-1$/.test(target ?? ''))).toBe(true);
      expect(targets.filter((target) => !ids.has(target))).toEqual([]);
    });
    it(`${source}: phrases keep their language, numbered requirements their numbers`, () => {
      const page = file('/index.html');
      expect(page).toMatch(
        source.startsWith('id')
          ? /<span lang="jv">panyuwunan data<\/span>/
          : /<span lang="id">Permohonan Data Kepegawaian<\/span>/,
      );
      expect(page).toMatch(/<ol class="pelita-requirements-list">/);
    });
  }
});

describe('golden corpus: catalog', async () => {
  it('the catalog carries both languages of the corpus, whole', async () => {
    const checked = await checkCorpus();
    const context = await renderContext(checked);
    const { catalogRenderer } = await import('../src/render/catalog/catalog-renderer.js');
    // The index and each language's file, one after the other (the schema is checked on its own).
    const files = [...(catalogRenderer.renderSite?.(context, new Map(), new Map()) ?? [])].filter(
      (artifact) => !artifact.path.endsWith('.schema.json'),
    );
    expectGolden(join(CORPUS, 'catalog.json'), files.map((file) => `// ${file.path}\n${file.data}`).join(''));
  });
});
