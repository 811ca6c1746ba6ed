// Property tests over Markdown and YAML structure (issue #17): nesting, aliases, control
// characters, long lists, huge numbers, odd encodings. `check` must never throw and must
// give each document either errors or a procedure; a sample of the documents it accepts
// must render (HTML, braille, pictograms, PDF) without a renderer failing. Audio is left
// out to keep the run short: its input is the same procedure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocuments, type SourceDocument } from '../src/model/check-documents.js';
import type { Site } from '../src/model/site.js';
import { brailleRenderer } from '../src/render/braille/braille-renderer.js';
import { htmlRenderer } from '../src/render/html/html-renderer.js';
import { pdfRenderer } from '../src/render/pdf/pdf-renderer.js';
import { pictogramRenderer } from '../src/render/pictogram/pictogram-renderer.js';
import { renderContext, renderWith, testSite, testTemplates } from './support/fixtures.js';

const CHECK_RUNS = 10_000;
const RENDER_RUNS = 25;

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('Isi', 'formulir', 'ke', 'loket', 'Surat', 'izin', 'cuti', 'PNS') },
  fc.constantFrom(
    'Isi formulir',
    'Rp 50.000',
    '**tebal**',
    '_miring_',
    '[tautan](https://a.example)',
    '[x](javascript:alert(1))',
    '![gambar](https://pelacak.example/p.gif)',
    '<b>tebal</b>',
    '<script>alert(1)</script>',
    '`kode`',
    '1e400',
    'a: b',
    '&amp;',
    '{pictogram=form}',
    ':jv[matur nuwun]',
    '\u001b[31m',
    '\u0001',
    '\ufffe',
    '\u200b\u200c',
    '\u202e',
    'ꦲꦏ꧀ꦱꦫ 😀',
    '\\',
  ),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const line = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' ').replace(/[\r\n]/g, ' '));

/** A block as lines; containers indent or prefix their children's lines. */
type Lines = string[];
const { block } = fc.letrec<{ block: Lines; list: Lines; quote: Lines }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    line.map((text) => [text]),
    fc.tuple(fc.integer({ min: 1, max: 6 }), line).map(([level, text]) => [`${'#'.repeat(level)} ${text}`]),
    line.map((text) => ['```', text, '```']),
    fc.tuple(line, line).map(([a, b]) => [`| ${a} | ${b} |`, '| --- | --- |', `| ${b} | ${a} |`]),
    tie('list'),
    tie('quote'),
  ),
  list: fc
    .tuple(
      fc.boolean(),
      fc.array(fc.array(tie('block'), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
    )
    .map(([ordered, items]) =>
      items.flatMap((blocks, i) => {
        const marker = ordered ? `${i + 1}. ` : '- ';
        const lines = blocks.flatMap((b, j) => (j === 0 ? b : ['', ...b]));
        return lines.map((text, j) => (j === 0 ? marker : ' '.repeat(marker.length)) + text);
      }),
    ),
  quote: fc
    .array(tie('block'), { minLength: 1, maxLength: 2 })
    .map((blocks) => blocks.flat().map((text) => `> ${text}`)),
}));

/** Lists or quotes nested n deep on purpose, around the limit of 12 and far past it. */
const deep = fc
  .tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom('- ', '1. ', '> '))
  .map(([depth, marker]) =>
    marker === '> '
      ? [`${'> '.repeat(depth)}dalam`]
      : Array.from({ length: depth }, (_, i) => `${' '.repeat(i * marker.length)}${marker}tingkat ${i}`),
  );

const blocks = fc.array(fc.oneof({ weight: 5, arbitrary: block }, { weight: 1, arbitrary: deep }), { maxLength: 2 });
const items = (ordered: boolean) =>
  fc
    .array(line, { minLength: 1, maxLength: 3 })
    .map((texts) => texts.map((text, i) => `${ordered ? `${i + 1}.` : '-'} ${text || 'x'}`));

const yamlValue = fc.oneof(
  fc.constantFrom(
    'Gratis',
    '"Rp 50.000"',
    '1e400',
    '12345678901234567890',
    '"\u200b"',
    '[a, b]',
    '{ a: 1 }',
    '*x',
    '&x y',
  ),
  line.map((text) => JSON.stringify(text)),
);
const laughs = fc
  .integer({ min: 1, max: 6 })
  .map((levels) =>
    [
      'l0: &l0 [x,x,x,x,x,x,x,x,x]',
      ...Array.from({ length: levels }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(',')}]`),
    ].join('\n'),
  );

const documentText = fc
  .record({
    title: fc.oneof({ weight: 4, arbitrary: fc.constant('Cuti Tahunan') }, yamlValue),
    cost: fc.oneof({ weight: 4, arbitrary: fc.constant('Gratis') }, yamlValue),
    extraYaml: fc.option(fc.oneof(laughs, fc.string({ maxLength: 30 })), { nil: undefined, freq: 4 }),
    intro: blocks,
    requirements: items(false),
    steps: items(true),
    stepBlocks: blocks,
    extra: fc.array(fc.tuple(line, blocks), { maxLength: 2 }),
  })
  .map((d) =>
    [
      '---',
      `title: ${d.title}`,
      'summary: Layanan cuti bagi PNS.',
      'duration: 3 hari kerja',
      `cost: ${d.cost}`,
      'product: Surat Izin',
      'updated: 2025-09-15',
      ...(d.extraYaml === undefined ? [] : [d.extraYaml]),
      '---',
      '',
      ...d.intro.flatMap((b) => [...b, '']),
      '## Persyaratan',
      '',
      ...d.requirements,
      '',
      '## Prosedur',
      '',
      ...d.steps,
      '',
      ...d.stepBlocks.flatMap((b) => [...b, '']),
      ...d.extra.flatMap(([heading, bs]) => [`## ${heading}`, '', ...bs.flatMap((b) => [...b, ''])]),
    ].join('\n'),
  );

/** The text as a writer's editor might save it: with a BOM, CRLF, in Latin-1, or cut. */
const documentBytes = fc
  .tuple(documentText, fc.constantFrom('utf8', 'utf8', 'utf8', 'bom', 'crlf', 'latin1', 'cut'), fc.nat())
  .map(([text, encoding, at]): Uint8Array => {
    if (encoding === 'bom') return Buffer.from(`\ufeff${text}`);
    if (encoding === 'crlf') return Buffer.from(text.replace(/\n/g, '\r\n'));
    if (encoding === 'latin1') return Buffer.from(text, 'latin1');
    const bytes = Buffer.from(text);
    return encoding === 'cut' ? bytes.subarray(0, at % (bytes.length + 1)) : bytes;
  });

async function setup(): Promise<{ site: Site; check: (bytes: Uint8Array) => ReturnType<typeof checkDocuments> }> {
  const { site } = await testSite();
  const { words, pictogramIds } = await testTemplates();
  if (!site) throw new Error('test site.yaml is invalid');
  return {
    site,
    check: (bytes) => {
      const documents: SourceDocument[] = [{ source: 'id/cuti-tahunan.md', bytes }];
      return checkDocuments(documents, site, words, undefined, pictogramIds);
    },
  };
}

describe('check, on any document', () => {
  it(`never throws, and gives errors or a procedure (${CHECK_RUNS} documents)`, async () => {
    const { check } = await setup();
    let valid = 0;
    fc.assert(
      fc.property(documentBytes, (bytes) => {
        const [doc] = check(bytes);
        const errors = doc?.file.messages.filter((message) => message.fatal) ?? [];
        expect(doc?.procedure === undefined).toBe(errors.length > 0);
        for (const message of doc?.file.messages ?? []) expect(message.line ?? 1).toBeGreaterThan(0);
        if (doc?.procedure) valid++;
      }),
      { numRuns: CHECK_RUNS, seed: 17 },
    );
    console.info(`fuzz: ${CHECK_RUNS} documents checked, ${valid} accepted`);
    expect(valid).toBeGreaterThan(CHECK_RUNS / 20); // the generator reaches the renderers too
  });

  it(`accepts only what the renderers can make (${RENDER_RUNS} accepted documents rendered)`, async () => {
    const { check } = await setup();
    const renderers = [brailleRenderer, pictogramRenderer, pdfRenderer, htmlRenderer];
    await fc.assert(
      fc.asyncProperty(documentText, async (text) => {
        const checked = check(Buffer.from(text));
        const procedure = checked[0]?.procedure;
        fc.pre(procedure !== undefined);
        if (!procedure) return;
        const context = await renderContext(checked);
        const earlier = [];
        for (const renderer of renderers) {
          const { artifacts } = await renderWith(renderer, procedure, context, earlier);
          expect(artifacts.length).toBeGreaterThan(0);
          earlier.push(...artifacts);
        }
      }),
      { numRuns: RENDER_RUNS, seed: 17 },
    );
  });
});
