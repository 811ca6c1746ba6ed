// The EPUB 3 talking book (talking-book.epub), made with the audio edition. Built from three
// sample procedures (two Indonesian, and the Javanese translation of one, with Indonesian
// phrases; the audio of each takes 20–40 s on a loaded machine), every book is checked by Debian's epubcheck (0 errors,
// 0 warnings; without epubcheck these tests fail: CI installs it), rebuilt byte for byte in
// another time zone, and read back: clips in order and inside the MP3 (ffprobe's length), a
// table of contents with every chapter of the audio, the page's link with its size, and
// `verify` noticing a sentence taken out of the book or a clip past the end of the audio.
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { outlinesFor } from '../src/outline/build-outline.js';
import { runBuild } from '../src/pipeline/build.js';
import { readChaptersVtt } from '../src/render/audio/timed-text.js';
import { formatSize } from '../src/render/html/procedure-view.js';
import { layOutBook } from '../src/render/talking-book/book.js';
import { bookIdentifier, makeTalkingBook, type TalkingBookInput } from '../src/render/talking-book/talking-book.js';
import { readTalkingBook, talkingBookText } from '../src/verify/read-talking-book.js';
import { verifyProcedure } from '../src/verify/verify.js';
import { tempDir } from './support/cli.js';
import { REPO, testSite, testTemplates } from './support/fixtures.js';

const EPUBCHECK = '/usr/share/java/epubcheck.jar';
// A translation builds with its original: the Javanese KARIS/KARSU with the Indonesian one.
const SAMPLES = ['id/kartu-pegawai-elektronik', 'id/karis-karsu', 'jv/karis-karsu'];

interface EpubcheckReport {
  checker: { nFatal: number; nError: number; nWarning: number };
  messages: { ID: string; severity: string; message: string }[];
}

/** Runs Debian's epubcheck on a book; its JSON report. Throws (the test fails) when epubcheck is not installed. */
async function epubcheck(book: string): Promise<EpubcheckReport> {
  const report = `${book}.epubcheck.json`;
  try {
    await promisify(execFile)('java', ['-jar', EPUBCHECK, book, '--json', report], { maxBuffer: 1 << 24 });
  } catch (error) {
    // epubcheck exits 1 when it found errors; it has then written its report.
    const { code } = error as { code?: unknown };
    if (code !== 1) throw new Error(`epubcheck did not run (apt-get install epubcheck): ${String(error)}`);
  }
  return JSON.parse(readFileSync(report, 'utf8')) as EpubcheckReport;
}

function sampleContent(): string {
  const dir = tempDir('pelita-talking-book-content-');
  cpSync(join(REPO, 'content/site.yaml'), join(dir, 'site.yaml'));
  for (const sample of SAMPLES) {
    mkdirSync(join(dir, sample.split('/')[0] ?? ''), { recursive: true });
    cpSync(join(REPO, 'content', `${sample}.md`), join(dir, `${sample}.md`));
  }
  return dir;
}

const zoneBefore = process.env.TZ;
afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

describe('the talking books of sample procedures', async () => {
  const contentDir = sampleContent();
  const outDir = tempDir('pelita-talking-book-');
  const build = (out: string) =>
    runBuild({ contentDir, outDir: out, editions: ['audio', 'html'], settings: { speechEngine: 'embedded' } });
  process.env.TZ = 'Asia/Jakarta';
  const result = await build(outDir);
  const book = (sample: string) => join(outDir, sample, 'talking-book.epub');

  it('builds every book, and verify finds every text of the outline in each', () => {
    expect(result.failed).toBe(0);
    for (const sample of SAMPLES) expect(result.written).toContain(`${sample}/talking-book.epub`);
    const totals = result.fidelity?.totals.get('talking-book');
    expect(totals?.expected).toBeGreaterThan(100);
    expect(totals?.found).toBe(totals?.expected);
  });

  it('passes epubcheck with 0 errors and 0 warnings', { timeout: 240_000 }, async () => {
    const reports = await Promise.all(SAMPLES.map((sample) => epubcheck(book(sample))));
    for (const report of reports) {
      expect(report.messages.map((message) => `${message.severity} ${message.ID}: ${message.message}`)).toEqual([]);
      expect(report.checker).toMatchObject({ nFatal: 0, nError: 0, nWarning: 0 });
    }
  });

  it('is byte-identical when built again, in another time zone', { timeout: 300_000 }, async () => {
    process.env.TZ = 'Pacific/Kiritimati';
    const again = tempDir('pelita-talking-book-again-');
    expect((await build(again)).failed).toBe(0);
    for (const sample of SAMPLES) {
      expect(readFileSync(join(again, sample, 'talking-book.epub')).equals(readFileSync(book(sample)))).toBe(true);
    }
  });

  it('is reused with the MP3 by a warm rebuild', { timeout: 120_000 }, async () => {
    const before = readFileSync(book(SAMPLES[0] ?? ''));
    const warm = await build(outDir);
    for (const sample of SAMPLES) expect(warm.reused).toContain(`${sample}/talking-book.epub`);
    expect(warm.written.filter((path) => path.endsWith('.epub'))).toEqual([]);
    expect(readFileSync(book(SAMPLES[0] ?? '')).equals(before)).toBe(true);
  });

  it('has clips in reading order, one after the other, inside the MP3 as ffprobe measures it', () => {
    for (const sample of SAMPLES) {
      const read = readTalkingBook(new Uint8Array(readFileSync(book(sample))));
      expect(read.unplayable).toEqual([]);
      const mp3 = join(tempDir('pelita-talking-book-mp3-'), 'audio.mp3');
      writeFileSync(mp3, unzipSync(new Uint8Array(readFileSync(book(sample))))['EPUB/audio.mp3'] ?? new Uint8Array());
      // The book carries the audio edition's MP3 as it is.
      expect(readFileSync(mp3).equals(readFileSync(join(outDir, sample, 'audio.mp3')))).toBe(true);
      const probe = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', mp3], {
        encoding: 'utf8',
      });
      const durationMs = Number(probe.stdout) * 1000;
      expect(durationMs).toBeGreaterThan(60_000);
      expect(read.clips.length).toBeGreaterThan(5);
      read.clips.forEach((clip, index) => {
        expect(clip.audio).toBe('EPUB/audio.mp3');
        expect(clip.end).toBeGreaterThan(clip.begin);
        expect(clip.end).toBeLessThanOrEqual(durationMs);
        const next = read.clips[index + 1];
        if (next) expect(next.begin).toBe(clip.end);
      });
      // The first clip starts where the voice starts (after LAME's delay), the last ends with the file.
      expect(read.clips[0]?.begin).toBeGreaterThan(0);
      expect(read.clips[0]?.begin).toBeLessThan(200);
      expect(durationMs - (read.clips.at(-1)?.end ?? 0)).toBeLessThan(100);
      const played = read.clips.reduce((sum, clip) => sum + clip.end - clip.begin, 0);
      expect(read.durationMs).toBe(played);
    }
  });

  it('lists every chapter of the audio in its table of contents, the steps under their section', () => {
    for (const sample of SAMPLES) {
      const files = unzipSync(new Uint8Array(readFileSync(book(sample))));
      const nav = new TextDecoder().decode(files['EPUB/nav.xhtml']);
      const toc = nav.slice(nav.indexOf('epub:type="toc"'), nav.indexOf('</nav>'));
      const entries = [...toc.matchAll(/<a href="book\.xhtml#(c\d+)">([^<]+)<\/a>/g)];
      const chapters = readChaptersVtt(readFileSync(join(outDir, sample, 'audio-chapters.vtt'), 'utf8'));
      expect(entries.map((entry) => entry[2])).toEqual(chapters.map((chapter) => chapter.title));
      const content = new TextDecoder().decode(files['EPUB/book.xhtml']);
      for (const [, id] of entries) expect(content).toContain(`<section id="${id}">`);
      // A step's entry is nested in its section's list.
      expect(toc).toMatch(
        /<li><a href="book\.xhtml#c\d+">[^<]+<\/a>\n<ol>\n<li><a href="book\.xhtml#c\d+">(Langkah|Lampah) 1</,
      );
    }
  });

  it('says its language, date and accessibility in the package document', async () => {
    for (const sample of SAMPLES) {
      const [lang = '', slug = ''] = sample.split('/');
      const files = unzipSync(new Uint8Array(readFileSync(book(sample))));
      const opf = new TextDecoder().decode(files['EPUB/package.opf']);
      const updated = /^updated: (\S+)$/m.exec(readFileSync(join(contentDir, `${sample}.md`), 'utf8'))?.[1];
      expect(opf).toContain(`<dc:language>${lang}</dc:language>`);
      expect(opf).toContain(`<meta property="dcterms:modified">${updated}T00:00:00Z</meta>`);
      expect(opf).toContain(
        `<dc:identifier id="uid">${bookIdentifier('https://bkpsdm.sukamaju.example/layanan/', lang, slug)}</dc:identifier>`,
      );
      for (const value of ['auditory', 'textual'])
        expect(opf).toContain(`<meta property="schema:accessModeSufficient">${value}</meta>`);
      for (const feature of ['synchronizedAudioText', 'structuralNavigation', 'tableOfContents'])
        expect(opf).toContain(`<meta property="schema:accessibilityFeature">${feature}</meta>`);
      expect(opf).toContain('<meta property="schema:accessibilityHazard">none</meta>');
      const words = (await testTemplates()).words.get(lang);
      expect(opf).toContain(`<meta property="schema:accessibilitySummary">${words?.terms.talking_book_summary}`);
      expect(opf).toContain('<meta property="media:active-class">-epub-media-overlay-active</meta>');
    }
    const javanese = new TextDecoder().decode(
      unzipSync(new Uint8Array(readFileSync(book('jv/karis-karsu'))))['EPUB/book.xhtml'],
    );
    expect(javanese).toContain(
      '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="jv" lang="jv">',
    );
    // The writer's :id[…] phrase keeps its language.
    expect(javanese).toMatch(/<span xml:lang="id" lang="id">Undang-Undang Nomor 20 Tahun 2023/);
  });

  it('is linked from the page with its size', async () => {
    for (const sample of SAMPLES) {
      const words = (await testTemplates()).words.get(sample.split('/')[0] ?? '');
      if (!words) throw new Error('no words');
      const html = readFileSync(join(outDir, sample, 'index.html'), 'utf8');
      const size = formatSize(readFileSync(book(sample)).byteLength, words);
      expect(html).toContain(`href="talking-book.epub" type="application/epub+zip"`);
      const link = new RegExp(
        `href="talking-book\\.epub"[^>]*>${words.terms.edition_talking_book.replace(/[()]/g, '\\$&')}</a> <span[^>]*>\\(${size}, `,
      );
      expect(html).toMatch(link);
    }
  });

  it('is caught by verify when a sentence is taken out, or a clip points past the audio', async () => {
    const sample = 'id/kartu-pegawai-elektronik';
    const procedure = result.checked.find((document) => document.source === `${sample}.md`)?.procedure;
    if (!procedure) throw new Error(`no ${sample}`);
    const files = unzipSync(new Uint8Array(readFileSync(book(sample))));
    const content = new TextDecoder().decode(files['EPUB/book.xhtml']);
    const smil = new TextDecoder().decode(files['EPUB/book.smil']);
    const rezip = (changed: Record<string, string>) => {
      const entries: Record<string, Uint8Array> = {};
      for (const [path, data] of Object.entries(files))
        entries[path] = changed[path] === undefined ? data : new TextEncoder().encode(changed[path]);
      return zipSync(entries);
    };
    const verifyBook = async (bytes: Uint8Array) => {
      const out = tempDir('pelita-talking-book-tampered-');
      mkdirSync(join(out, sample), { recursive: true });
      writeFileSync(join(out, sample, 'talking-book.epub'), bytes);
      const { words } = await testTemplates();
      const { site } = await testSite(readFileSync(join(contentDir, 'site.yaml'), 'utf8'));
      if (!site) throw new Error('no site');
      const outline = outlinesFor(site, words)(procedure);
      const [found] = await verifyProcedure(outline, { outDir: out, site, words });
      return found;
    };
    const whole = await verifyBook(new Uint8Array(readFileSync(book(sample))));
    expect(whole?.edition).toBe('talking-book');
    expect(whole?.missing).toEqual([]);

    // The second step's sentence, gone from the text.
    const step = /<section id="(c\d+)">\n<h3>Langkah 2<\/h3>\n<p>(<span id="s\d+">[^<]*<\/span>)/.exec(content);
    if (!step?.[2]) throw new Error('no second step');
    const removed = await verifyBook(rezip({ 'EPUB/book.xhtml': content.replace(step[2], '') }));
    expect(removed?.missing.length).toBeGreaterThan(0);
    expect(removed?.found).toBeLessThan(whole?.found ?? 0);

    // The same sentence in the text, but its clip beyond the end of the MP3: not heard.
    const id = /<span id="(s\d+)">/.exec(step[2])?.[1];
    const late = smil.replace(
      new RegExp(`(<text src="book\\.xhtml#${id}"/><audio src="audio\\.mp3" clipBegin=")[^"]+" clipEnd="[^"]+"`),
      '$19:00:00.000" clipEnd="9:00:05.000"',
    );
    expect(late).not.toBe(smil);
    const unheard = await verifyBook(rezip({ 'EPUB/book.smil': late }));
    expect(unheard?.missing.map((text) => text.text)).toEqual(removed?.missing.map((text) => text.text));
    expect(readTalkingBook(rezip({ 'EPUB/book.smil': late })).unplayable).toHaveLength(1);
  });
});

describe('a book from sentence times', () => {
  // The shape the audio gives once it times each sentence: a section's first sentence is its title.
  // Four seconds of silence, as the voice's MP3 would be (LAME through ffmpeg, 22 050 Hz mono).
  const silence = join(tempDir('pelita-talking-book-silence-'), 'silence.mp3');
  spawnSync('ffmpeg', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'anullsrc=r=22050:cl=mono',
    '-t',
    '4',
    '-b:a',
    '32k',
    silence,
  ]);
  const mp3 = readFileSync(silence);
  const input: TalkingBookInput = {
    lang: 'id',
    title: 'Pendaftaran Pasien Baru',
    identifier: bookIdentifier('https://puskesmas.example/', 'id', 'pasien-baru'),
    publisher: 'Puskesmas Contoh',
    modified: '2025-08-04',
    audio: new Uint8Array(mp3),
    durationMs: 4000,
    segments: [
      {
        chapter: 'Pendaftaran Pasien Baru',
        sentences: [
          { text: 'Pendaftaran Pasien Baru.', start: 50, end: 900 },
          { text: 'Layanan bagi warga & keluarga <baru>.', start: 950, end: 1500 },
        ],
      },
      { chapter: 'Prosedur', sentences: [{ text: 'Prosedur.', start: 2000, end: 2400 }] },
      { chapter: 'Langkah 1', item: true, sentences: [{ text: 'Ambil nomor antrean.', start: 2700, end: 3200 }] },
      { sentences: [{ text: 'Terakhir diperbarui 4 Agustus 2025.', start: 3300, end: 3900 }] },
    ],
    words: { summary: 'Buku bicara.', contents: 'Daftar isi' },
  };

  it('shows a sentence that is its chapter’s title as the heading, nests steps and runs each clip to the next', () => {
    const { root, clips } = layOutBook(input);
    expect(root.heading?.id).toBe('s1');
    expect(root.children.map((chapter) => [chapter.title, chapter.level, chapter.heading?.text])).toEqual([
      ['Prosedur', 2, 'Prosedur.'],
    ]);
    expect(root.children[0]?.children.map((chapter) => [chapter.title, chapter.level])).toEqual([['Langkah 1', 3]]);
    expect(clips.map((clip) => [clip.id, clip.begin, clip.end])).toEqual([
      ['s1', 50, 950],
      ['s2', 950, 2000],
      ['s3', 2000, 2700],
      ['s4', 2700, 3300],
      ['s5', 3300, 4000],
    ]);
  });

  it('passes epubcheck, escapes its text, and is the same bytes in every time zone', { timeout: 120_000 }, async () => {
    process.env.TZ = 'America/Los_Angeles';
    const bytes = makeTalkingBook(input);
    process.env.TZ = 'Asia/Tokyo';
    expect(Buffer.from(makeTalkingBook(input)).equals(Buffer.from(bytes))).toBe(true);
    const files = unzipSync(bytes);
    expect(Object.keys(files)[0]).toBe('mimetype');
    // `mimetype` is stored: its bytes stand right after its 30-byte local header and name.
    expect(new TextDecoder().decode(bytes.subarray(38, 58))).toBe('application/epub+zip');
    const content = new TextDecoder().decode(files['EPUB/book.xhtml']);
    expect(content).toContain('<h1><span id="s1">Pendaftaran Pasien Baru</span></h1>');
    expect(content).toContain('<span id="s2">Layanan bagi warga &amp; keluarga &lt;baru&gt;.</span>');
    expect(talkingBookText(bytes)).toContain('Layanan bagi warga & keluarga <baru>.');
    const path = join(tempDir('pelita-talking-book-unit-'), 'book.epub');
    writeFileSync(path, bytes);
    const report = await epubcheck(path);
    expect(report.messages).toEqual([]);
    expect(report.checker).toMatchObject({ nFatal: 0, nError: 0, nWarning: 0 });
  });

  it('has a stable identifier per site and page', () => {
    const id = bookIdentifier('https://puskesmas.example/', 'id', 'pasien-baru');
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(bookIdentifier('https://puskesmas.example/', 'id', 'pasien-baru')).toBe(id);
    expect(bookIdentifier('https://puskesmas.example/', 'jv', 'pasien-baru')).not.toBe(id);
    expect(bookIdentifier('https://other.example/', 'id', 'pasien-baru')).not.toBe(id);
  });
});
