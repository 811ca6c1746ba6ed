// Issue #17's reproducers for hostile or broken input: each is stopped by `check` with a
// positioned message (or a warning), never by a crash at build.
import { describe, expect, it } from 'vitest';
import { escapeControls } from '../src/cli/escape-controls.js';
import { formatFile } from '../src/cli/reporter.js';
import { LIMITS } from '../src/model/limits.js';
import { loadCatalogue } from '../src/pipeline/load-templates.js';
import { setSourceMarker } from '../src/pipeline/mark-reviewed.js';
import { check, messageLines, testSite, validProcedure } from './support/fixtures.js';

async function lines(text: string | Uint8Array, source = 'id/cuti-tahunan.md') {
  const [doc] = await check({ [source]: text });
  if (!doc) throw new Error('not checked');
  return { lines: messageLines(doc), doc };
}

const withSteps = (steps: string) =>
  validProcedure((t) => t.replace('1. Isi formulir.\n2. Serahkan ke loket.\n', steps));

const nestedList = (depth: number) =>
  `${Array.from({ length: depth }, (_, i) => `${'   '.repeat(i)}1. langkah ${i + 1}`).join('\n')}\n`;

const SITE = (extra: string) => `name: Kantor Uji\nurl: https://uji.example/\n${extra}`;

describe('bounded work (too-deep, too-large)', () => {
  it('stops the 685-byte list nested 22 levels deep at the level past the limit', async () => {
    const { lines: found, doc } = await lines(withSteps(nestedList(22)));
    expect(found).toEqual([`${20 + LIMITS.nesting}:${3 * LIMITS.nesting + 1} error too-deep`]);
    expect(doc.procedure).toBeUndefined();
  });

  it('accepts lists nested as deep as the limit', async () => {
    const { lines: found } = await lines(withSteps(nestedList(LIMITS.nesting)));
    expect(found).toEqual([]);
  });

  it('stops 2,500 nested quotes and a 300-level list without overflowing the stack', async () => {
    expect((await lines(withSteps(`1. a\n\n${'>'.repeat(2500)} x\n`))).lines).toEqual(['22:1 error too-deep']);
    const deepList = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- a`).join('\n');
    expect((await lines(withSteps(`1. a\n\n${deepList}\n`))).lines).toEqual(['102:1 error too-deep']);
    const emphasis = (await lines(withSteps(`1. ${'*a '.repeat(300)}x${' b*'.repeat(300)}\n`))).lines;
    expect(emphasis).toEqual([expect.stringMatching(/^20:\d+ error too-deep$/)]);
  });

  it('stops a document past the size and item limits', async () => {
    const big = validProcedure((t) => t.replace('Pengantar singkat.', 'x'.repeat(LIMITS.bytes)));
    expect((await lines(big)).lines).toEqual(['1:1 error too-large']);
    const requirements = Array.from({ length: 10_000 }, (_, i) => `- syarat ${i}`).join('\n');
    const many = validProcedure((t) => t.replace('- Formulir permohonan cuti\n', `${requirements}\n`));
    const found = (await lines(many)).lines;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/ error too-large$/);
  });

  it('refuses a 250-character slug', async () => {
    expect((await lines(validProcedure(), `id/${'a'.repeat(250)}.md`)).lines).toEqual(['1:1 error invalid-slug']);
  });
});

describe('YAML aliases', () => {
  const laughs = [
    'a: &a [x,x,x,x,x,x,x,x,x]',
    ...'bcd'.split('').map((key, i) => {
      const alias = `*${'abc'[i]}`;
      return `${key}: ${key === 'd' ? '' : `&${key} `}[${Array(9).fill(alias).join(',')}]`;
    }),
    '',
  ].join('\n');

  it('that expand without bound are a positioned error in front matter', async () => {
    const { lines: found, doc } = await lines(validProcedure((t) => t.replace('unit: Bidang Mutasi\n', laughs)));
    expect(found).toEqual(['9:8 error invalid-yaml']);
    expect(String(doc.file.messages[0]?.reason)).toContain('aliases');
  });

  it('and in site.yaml', async () => {
    const { site, file } = await testSite(SITE(laughs));
    expect(site).toBeUndefined();
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['4:8 invalid-yaml']);
  });
});

describe('control characters', () => {
  it.each([
    ['ESC', '\u001b[31m'],
    ['U+0001', '\u0001'],
    ['U+FFFE', '\ufffe'],
  ])('%s is a positioned error in check', async (_name, char) => {
    const { lines: found } = await lines(validProcedure((t) => t.replace('Isi formulir.', `Isi ${char}formulir.`)));
    expect(found).toEqual(['20:8 error control-character']);
  });

  it('made by an escape (YAML "\\u0001", Markdown &#12;) is an error too (found by the fuzz test)', async () => {
    const yaml = await lines(validProcedure((t) => t.replace('cost: Gratis', 'cost: "\\u0001 Gratis"')));
    expect(yaml.lines).toEqual(['5:7 error control-character']);
    const reference = await lines(validProcedure((t) => t.replace('Isi formulir.', 'Isi &#12;formulir.')));
    expect(reference.lines).toEqual(['20:4 error control-character']);
    const { file } = await testSite(SITE('address: "Jl. \\e Uji"\n'));
    expect(file.messages.map((m) => m.ruleId)).toEqual(['control-character']);
  });

  it('tabs, CRLF line ends and a BOM are fine', async () => {
    const text = `\ufeff${validProcedure((t) => t.replace('Isi formulir.', 'Isi\tformulir.'))}`.replace(/\n/g, '\r\n');
    expect((await lines(text)).lines).toEqual([]);
  });

  it('are never sent raw to the terminal', async () => {
    const { doc } = await lines(validProcedure((t) => t.replace('[lapor', '[x](java\u001b[2Jscript:alert(1)) [lapor')));
    const printed = formatFile(doc.file, { catalogue: await loadCatalogue('en'), color: false }).join('\n');
    expect(printed).not.toContain('\u001b');
    expect(escapeControls('a\u001b[2Jb\u202ec')).toBe('a\\x1B[2Jb\\u202Ec');
  });

  it('in site.yaml are an error', async () => {
    const { file } = await testSite(SITE('address: "Jl. \u0007 Uji"\n'));
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['3:15 control-character']);
  });
});

describe('links', () => {
  it('with a backslash (a Windows share, or another site to a browser) are published as text', async () => {
    const { lines: found, doc } = await lines(
      validProcedure((t) => t.replace('Isi formulir.', 'Isi [formulir](\\\\evil.example\\share\\x.pdf).')),
    );
    expect(found).toEqual(['20:8 warning unsafe-link']);
    expect(JSON.stringify(doc.procedure?.steps)).not.toContain('evil.example');
  });
});

describe('type rules', () => {
  it('refuse numbers that cannot print as typed, and invisible titles', async () => {
    expect((await lines(validProcedure((t) => t.replace('cost: Gratis', 'cost: 1e400')))).lines).toEqual([
      '5:7 error wrong-type',
    ]);
    expect((await lines(validProcedure((t) => t.replace('cost: Gratis', 'cost: 50000')))).lines).toEqual([]);
    const invisible = validProcedure((t) => t.replace('title: Cuti Tahunan', 'title: "\u200b\u200c\u2060"'));
    expect((await lines(invisible)).lines).toEqual(['2:8 error invisible-text']);
  });
});

describe('site.yaml hygiene', () => {
  it.each([
    'https://a.example/"><script>',
    'https://a.example/ x',
    'javascript:alert(1)//https://a.example',
    'https://user:pw@a.example/',
    'https:///nohost',
    'https://a.example/?q=1',
  ])('refuses url %s', async (url) => {
    const { site, file } = await testSite(`name: Kantor\nurl: '${url}'\n`);
    expect(site).toBeUndefined();
    expect(file.messages.map((m) => m.ruleId)).toContain('invalid-url');
  });

  it('keeps a clean url in URL form, ending in /', async () => {
    expect((await testSite('name: Kantor\nurl: https://A.example/layanan\n')).site?.url).toBe(
      'https://a.example/layanan/',
    );
  });

  it('warns about HTML in its texts, and tolerates a BOM', async () => {
    const { site, file } = await testSite(
      `\ufeff${SITE('address: <b>Jl. Uji</b>\ncomplaints:\n  - "<img src=x onerror=alert(1)> Loket"\n')}`,
    );
    expect(site?.name).toBe('Kantor Uji');
    expect(file.messages.map((m) => `${m.line} ${m.ruleId}`).sort()).toEqual(['3 raw-html', '5 raw-html']);
  });

  it('stops deeply nested complaint lines', async () => {
    const { site, file } = await testSite(SITE(`complaints:\n  - "${'> '.repeat(40)}x"\n`));
    expect(site).toBeUndefined();
    expect(file.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['4 too-deep']);
  });
});

describe('--mark-reviewed', () => {
  it('reads a file that starts with a BOM', () => {
    expect(setSourceMarker('---\ntitle: x\n---\n', 'abc')).toBe('---\ntitle: x\nsource: abc\n---\n');
  });
});
