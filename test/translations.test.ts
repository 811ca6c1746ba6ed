// Local-language editions: translations stay in step with their originals.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { numbersIn } from '../src/model/rules/translation-facts.js';
import { setSourceMarker } from '../src/pipeline/mark-reviewed.js';
import { htmlRenderer } from '../src/render/html/html-renderer.js';
import { contentFolder, flatMessages, pelita, readTree, tempDir, unitPagesText } from './support/cli.js';
import {
  check,
  FIXTURES,
  messageLines,
  REPO,
  renderContext,
  renderWith,
  testSite,
  validProcedure,
} from './support/fixtures.js';

const STALE = join(FIXTURES, 'translations');
const javanese = (text: string) =>
  text
    .replace('## Persyaratan', '## Syarat')
    .replace('## Prosedur', '## Tata Cara')
    .replace('## Pengaduan', '## Pangaduan');

describe('facts that must not drift', () => {
  it('reads numbers the Indonesian way', () => {
    expect(numbersIn('Rp 1.500.000,-')).toEqual(['1500000']);
    expect(numbersIn('Rp 50.000')).toEqual(['50000']);
    expect(numbersIn('2,5 jam')).toEqual(['2.5']);
    expect(numbersIn('14 hari kerja')).toEqual(['14']);
    expect(numbersIn('Gratis')).toEqual([]);
  });

  it('fails a translation whose fee has other numbers, naming both places', async () => {
    const original = validProcedure((t) => t.replace('cost: Gratis', 'cost: Rp 50.000'));
    const translation = javanese(validProcedure((t) => t.replace('cost: Gratis', 'cost: Rp 5.000')));
    const docs = await check({ 'id/cuti-tahunan.md': original, 'jv/cuti-tahunan.md': translation });
    const jv = docs.find((doc) => doc.source === 'jv/cuti-tahunan.md')!;
    expect(messageLines(jv)).toContain('5:7 error translation-fact-mismatch');
    expect(jv.file.messages.find((m) => m.ruleId === 'translation-fact-mismatch')?.reason).toBe(
      '"cost" (the fee, "biaya/tarif" in UU 25/2009 art. 21) is "Rp 5.000" here, which does not have the same numbers as the original "Rp 50.000" (id/cuti-tahunan.md:5:7). A translation must state the same amounts: copy the numbers from the original.',
    );
    expect(jv.procedure).toBeUndefined();
  });

  it('fails a translation whose duration differs (14 hari vs 4 dina)', async () => {
    const original = validProcedure((t) => t.replace('3 hari kerja', '14 hari kerja'));
    const translation = javanese(validProcedure((t) => t.replace('3 hari kerja', '4 dina kerja')));
    const docs = await check({ 'id/cuti-tahunan.md': original, 'jv/cuti-tahunan.md': translation });
    expect(messageLines(docs.find((doc) => doc.source === 'jv/cuti-tahunan.md')!)).toContain(
      '4:11 error translation-fact-mismatch',
    );
  });

  it('warns when requirements or steps are not as many as in the original', async () => {
    const translation = javanese(validProcedure((t) => t.replace('2. Serahkan ke loket.\n', '')));
    const docs = await check({ 'id/cuti-tahunan.md': validProcedure(), 'jv/cuti-tahunan.md': translation });
    expect(messageLines(docs.find((doc) => doc.source === 'jv/cuti-tahunan.md')!)).toContain(
      '20:1 warning translation-item-count',
    );
  });
});

describe('translation status', () => {
  it('names what changed in a stale translation (fixture)', () => {
    const { status, stdout } = pelita(['translations', '--content', STALE]);
    expect(status).toBe(0);
    expect(stdout).toContain('jv (Basa Jawa): 1 of 1 translated: 0 up to date, 1 stale');
    expect(stdout).toMatch(/stale\s+jv\/izin-belajar {2}changed: steps\n/);
    const checkRun = pelita(['check', '--content', STALE]);
    expect(flatMessages(checkRun.stderr)).toMatch(
      /jv\/izin-belajar\.md:8:9 {2}warning {2}.*: steps\. .* {2}stale-translation/,
    );
  });

  it('shows the sample content as it is: 4 Javanese translations up to date, the rest missing', () => {
    const { stdout } = pelita(['status']);
    expect(stdout).toContain(
      'jv (Basa Jawa): 4 of 12 translated: 4 up to date, 0 stale, 0 not reviewed, 0 with errors',
    );
    expect(stdout).toMatch(/missing\s+jv\/kenaikan-pangkat/);
  });

  it('goes stale when the original changes, and current again once marked reviewed', () => {
    const content = tempDir('pelita-content-');
    cpSync(join(REPO, 'content'), content, { recursive: true });
    const original = join(content, 'id/cuti-tahunan.md');
    writeFileSync(
      original,
      readFileSync(original, 'utf8').replace('cost: Gratis', 'cost: Gratis, tanpa pungutan apa pun'),
    );
    expect(pelita(['status', '--content', content]).stdout).toMatch(
      /stale\s+jv\/cuti-tahunan {2}changed: title, summary, time, cost or product\n/,
    );
    const build = pelita(['build', '--content', content, '--out', tempDir()]);
    expect(flatMessages(build.stderr)).toMatch(/jv\/cuti-tahunan\.md:\d+:\d+ {2}warning .* {2}stale-translation/);
    expect(build.status).toBe(0);

    const before = readFileSync(join(content, 'jv/cuti-tahunan.md'), 'utf8');
    const mark = pelita(['translations', '--content', content, '--mark-reviewed', 'jv/cuti-tahunan']);
    expect(mark.status).toBe(0);
    const after = readFileSync(join(content, 'jv/cuti-tahunan.md'), 'utf8');
    expect(after.replace(/^source: .*$/m, '')).toBe(before.replace(/^source: .*$/m, ''));
    expect(pelita(['status', '--content', content]).stdout).toMatch(/up to date\s+jv\/cuti-tahunan/);
    expect(pelita(['check', '--content', content]).stderr).not.toContain('stale-translation');
  }, 300_000); // a full sample build, speech included

  it('refuses to mark what is not a translation', () => {
    const { status, stderr } = pelita([
      'translations',
      '--mark-reviewed',
      'jv/kenaikan-pangkat',
      'id/cuti-tahunan',
      '--content',
      STALE,
    ]);
    expect(status).toBe(1);
    expect(stderr).toContain(
      'cannot mark jv/kenaikan-pangkat as reviewed: there is no translation jv/kenaikan-pangkat.md',
    );
  });
});

describe('setSourceMarker', () => {
  it('adds the line before the closing ---, or replaces it, touching nothing else', () => {
    const text = '---\ntitle: A\ncost: Gratis\n---\n\nBody\n';
    expect(setSourceMarker(text, 'abc')).toBe('---\ntitle: A\ncost: Gratis\nsource: abc\n---\n\nBody\n');
    expect(setSourceMarker('---\nsource: old\ntitle: A\n---\nB', 'new')).toBe('---\nsource: new\ntitle: A\n---\nB');
    expect(setSourceMarker('---\r\ntitle: A\r\nsource: old\r\n---\r\nB', 'new')).toBe(
      '---\r\ntitle: A\r\nsource: new\r\n---\r\nB',
    );
  });
});

describe('pages of translations', () => {
  it('put a polite notice linking the original on a stale translation, and mark it in the index', () => {
    const out = tempDir();
    expect(pelita(['build', '--content', STALE, '--out', out]).status).toBe(0);
    const page = readTree(out).get('jv/izin-belajar/index.html')!.toString('utf8');
    expect(page).toContain(
      '<p class="pelita-notice" role="note">Terjemahan punika saged ugi dereng cocog kaliyan versi aslinipun ingkang paling anyar.',
    );
    expect(page).toContain('<a href="../../id/izin-belajar/" hreflang="id">Waos versi aslinipun</a>');
    const fragment = readTree(out).get('jv/izin-belajar/fragment.html')!.toString('utf8');
    expect(fragment).toContain('href="https://bkpsdm.uji.example/layanan/id/izin-belajar/"');
    // Marked on the page of its unit, where the index lists it.
    expect(unitPagesText(out, 'jv')).toContain(
      '<span class="pelita-badge">terjemahan saged ugi dereng dipunanyari</span>',
    );
    const catalog = JSON.parse(readTree(out).get('catalog/jv/1.json')!.toString('utf8'));
    expect(catalog.procedures[0].translation).toEqual({ of: 'id', status: 'stale', changed: ['steps'] });
    const leaflet = spawnSync('pdftotext', [join(out, 'jv/izin-belajar/leaflet.pdf'), '-'], {
      encoding: 'utf8',
    }).stdout;
    expect(leaflet.replace(/\s+/g, ' ')).toContain(
      'Terjemahan punika saged ugi dereng cocog kaliyan versi aslinipun ingkang paling anyar.',
    );
    expect(leaflet.replace(/\s+/g, ' ')).toContain('https://bkpsdm.uji.example/layanan/id/izin-belajar/index.html');
  });

  it('list untranslated procedures in the original language rather than a dead link', () => {
    const out = tempDir();
    pelita(['build', '--out', out]);
    // Each unit's Javanese page lists its Javanese services, then its originals not yet translated.
    const javanese = unitPagesText(out, 'jv');
    const untranslated = javanese.slice(javanese.indexOf('id="pelita-untranslated"'));
    expect(untranslated).toContain('Namung wonten ing <span lang="id">Bahasa Indonesia</span></h2>');
    expect(javanese).toContain(
      '<a href="../../../id/kenaikan-pangkat/" hreflang="id">Kenaikan Pangkat Reguler PNS</a>',
    );
    expect(javanese).toContain('<a href="../../../jv/cuti-tahunan/">');
    // The Javanese index counts them per unit.
    expect(readTree(out).get('jv/index.html')!.toString('utf8')).toMatch(
      /\d+ layanan · Namung wonten ing <span lang="id">Bahasa Indonesia<\/span>: \d+/,
    );
    // The Indonesian unit pages list Indonesian pages only.
    expect(unitPagesText(out, 'id')).toContain('<a href="../../../id/kenaikan-pangkat/">');
    expect(unitPagesText(out, 'id')).not.toContain('jv/cuti-tahunan/');
    const catalog = JSON.parse(readTree(out).get('catalog.json')!.toString('utf8'));
    expect(catalog.languages.map((group: { lang: string }) => group.lang)).toEqual(['id', 'jv']);
    expect(catalog.languages[1].untranslated).toContain('kenaikan-pangkat');
  }, 300_000); // a full sample build, speech included
});

describe('every format of a Javanese procedure', () => {
  it('carries Javanese UI words and jv language metadata', () => {
    const out = tempDir();
    expect(pelita(['build', '--content', STALE, '--out', out, '--speech-engine', 'native']).status).toBe(0);
    const file = (name: string) => join(out, 'jv/izin-belajar', name);
    const text = (name: string) => readFileSync(file(name), 'utf8');
    const pdfText = (name: string) => spawnSync('pdftotext', [file(name), '-'], { encoding: 'utf8' }).stdout;
    const pdfLang = (name: string) => /\/Lang\s*\(([^)]*)\)/.exec(readFileSync(file(name), 'latin1'))?.[1];
    expect(text('index.html')).toContain('<html lang="jv">');
    expect(text('index.html')).toContain('Dangunipun rampung');
    expect(pdfText('leaflet.pdf')).toMatch(/Kaca 1 saking \d/);
    expect(pdfLang('leaflet.pdf')).toBe('jv-ID');
    expect(pdfText('large-print.pdf')).toMatch(/Kaca 1 saking \d/);
    expect(pdfLang('large-print.pdf')).toBe('jv-ID');
    expect(text('braille.pef')).toContain('<dc:language>jv</dc:language>');
    expect(pdfText('pictograms.pdf')).toContain('Ingkang kedah dipunbekta');
    expect(text('audio.txt')).toContain('Ingkang kedah panjenengan bekta:');
  });
});

describe('a new language by adding files only', () => {
  it('builds Sundanese pages from content and templates/i18n/su.yaml', () => {
    const templates = tempDir('pelita-templates-');
    cpSync(join(REPO, 'templates'), templates, { recursive: true });
    const words = readFileSync(join(templates, 'i18n/id.yaml'), 'utf8')
      .replace('language_name: Bahasa Indonesia', 'language_name: Basa Sunda')
      .replace('requirements: [Persyaratan, Persyaratan Pelayanan, Syarat]', 'requirements: [Sarat]')
      .replace('steps: [Prosedur, Alur, Langkah-langkah, "Sistem, Mekanisme, dan Prosedur"]', 'steps: [Tata Cara]')
      .replace('skip_to_content: Langsung ke isi utama', 'skip_to_content: Langsung ka eusi utama');
    writeFileSync(join(templates, 'i18n/su.yaml'), words);
    const content = contentFolder({
      'id/cuti-tahunan.md': validProcedure(),
      'su/cuti-tahunan.md': validProcedure((t) =>
        t.replace('## Persyaratan', '## Sarat').replace('## Prosedur', '## Tata Cara'),
      ),
    });
    const site = readFileSync(join(content, 'site.yaml'), 'utf8').replace(
      'languages: [id, jv]',
      'languages: [id, jv, su]',
    );
    writeFileSync(join(content, 'site.yaml'), site);
    mkdirSync(join(content, 'jv'), { recursive: true });
    const out = tempDir();
    const { status, stderr } = pelita(['build', '--content', content, '--templates', templates, '--out', out]);
    expect(stderr).toContain('2 of 2 documents built');
    expect(status).toBe(0);
    const page = readTree(out).get('su/cuti-tahunan/index.html')!.toString('utf8');
    expect(page).toContain('<html lang="su">');
    expect(page).toContain('Langsung ka eusi utama');
    expect(readTree(out).get('id/cuti-tahunan/index.html')!.toString('utf8')).toContain('hreflang="su"');
  });
});

describe('phrases in another language', () => {
  async function page(body: string) {
    const docs = await check({ 'id/cuti-tahunan.md': validProcedure((t) => t.replace('Pengantar singkat.', body)) });
    expect(docs[0]!.procedure, docs[0]!.file.messages.join('\n')).toBeDefined();
    const { artifacts } = await renderWith(htmlRenderer, docs[0]!.procedure!, await renderContext(docs));
    return String(artifacts[0]!.data);
  }

  it('marks :jv[…] with lang="jv" and drops any attributes', async () => {
    const html = await page('Ucapkan :jv[matur nuwun]{onclick="alert(1)"} kepada petugas.');
    expect(html).toContain('<p>Ucapkan <span lang="jv">matur nuwun</span> kepada petugas.</p>');
    expect(html).not.toContain('onclick');
  });

  it('keeps every other colon construction exactly as typed', async () => {
    const text = 'Senyum :smile: pukul 08:00, rasio 3:4, :kata{a=b} dan :panjang-sekali[x].';
    expect(await page(text)).toContain(`<p>${text}</p>`);
    expect(await page('::baris-sendiri')).toContain('<p>::baris-sendiri</p>');
  });

  it('is used in the sample Javanese translations for Indonesian law titles', () => {
    const text = readFileSync(join(REPO, 'content/jv/karis-karsu.md'), 'utf8');
    expect(text).toContain(':id[Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara]');
  });
});

describe('braille table per language from site.yaml', () => {
  it('uses braille_tables for a language (a table missing from templates/braille/tables stops that edition)', () => {
    const content = contentFolder({ 'id/cuti-tahunan.md': validProcedure() });
    const site = readFileSync(join(content, 'site.yaml'), 'utf8');
    writeFileSync(join(content, 'site.yaml'), `${site}braille_tables: { id: tidak-ada.utb }\n`);
    const { status, stderr } = pelita(['build', '--content', content, '--out', tempDir()]);
    expect(status).toBe(1);
    expect(flatMessages(stderr)).toMatch(
      /cuti-tahunan\.md:1:1 {2}error {2}Pelita could not make the braille edition .*tidak-ada\.utb.* {2}render-failed/,
    );
    writeFileSync(join(content, 'site.yaml'), `${site}braille_tables: { id: id-id-g1.utb }\n`);
    expect(pelita(['build', '--content', content, '--out', tempDir()]).status).toBe(0);
  });

  it('rejects a malformed map with its line', async () => {
    const { file } = await testSite(
      `${readFileSync(join(FIXTURES, 'site.yaml'), 'utf8')}braille_tables: [id-id-g1.utb]\n`,
    );
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['11:17 wrong-type']);
  });
});

describe('speech voice per language from site.yaml', () => {
  it('uses speech_voices for a language, and rejects a malformed map', async () => {
    const { audioRenderer } = await import('../src/render/audio/audio-renderer.js');
    const docs = await check({ 'id/cuti-tahunan.md': validProcedure() });
    const context = await renderContext(docs);
    const procedure = docs[0]!.procedure!;
    const key = async (voices: Record<string, string>) =>
      String(
        await audioRenderer.cacheKey!(context.outline(procedure), {
          ...context,
          site: { ...context.site, speechVoices: voices },
        }),
      );
    expect(await key({})).toContain('"voice":"id"');
    expect(await key({ id: 'ms' })).toContain('"voice":"ms"');
    const { site, file } = await testSite(
      `${readFileSync(join(FIXTURES, 'site.yaml'), 'utf8')}speech_voices: { su: id }\n`,
    );
    expect(site?.speechVoices).toEqual({ su: 'id' });
    expect(file.messages).toEqual([]);
    const bad = await testSite(
      `${readFileSync(join(FIXTURES, 'site.yaml'), 'utf8')}speech_voices: { su: "rm -rf /" }\n`,
    );
    expect(bad.file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['11:16 wrong-type']);
  });
});
