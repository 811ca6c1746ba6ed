// The picture-language edition: lexicon matching, the writer's {pictogram=…}, coverage,
// and the three files it makes (SVG, PNG, tagged PDF), checked as files.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { catalogRenderer } from '../src/render/catalog/catalog-renderer.js';
import { htmlRenderer } from '../src/render/html/html-renderer.js';
import { matchPictures, matchText } from '../src/render/pictogram/match.js';
import { pictogramRenderer } from '../src/render/pictogram/pictogram-renderer.js';
import { matcherFor, planOutline } from '../src/render/pictogram/plan.js';
import { svgToPng } from '../src/render/pictogram/png.js';
import { loadLexicon } from '../src/render/pictogram/resources.js';
import { DEFAULT_SETTINGS } from '../src/render/settings.js';
import type { Artifact } from '../src/render/types.js';
import { tempDir } from './support/cli.js';
import { check, messageLines, REPO, renderContext, renderWith, validProcedure } from './support/fixtures.js';

const lexicon = loadLexicon();
const best = (lang: string, text: string, role: 'requirements' | 'steps' = 'steps') =>
  matchText(matcherFor(lexicon, lang), text, role)?.concept.id;

const sample = (path: string) => readFileSync(join(REPO, 'content', path), 'utf8');

/** The procedure `source`; a translation is checked together with the sample's source document. */
async function procedureOf(text: string, source = 'id/cuti-tahunan.md') {
  const documents: Record<string, string> = { [source]: text };
  if (!source.startsWith('id/')) documents[`id/${source.split('/')[1]}`] = sample(`id/${source.split('/')[1]}`);
  const checked = await check(documents);
  const doc = checked.find((entry) => entry.source === source)!;
  if (!doc.procedure) throw new Error(messageLines(doc).join('\n'));
  return { procedure: doc.procedure, checked };
}

/** The plan of a checked procedure, made from its outline. */
async function planOf(checked: Awaited<ReturnType<typeof check>>, source = 'id/cuti-tahunan.md') {
  const doc = checked.find((entry) => entry.source === source)!;
  return planOutline((await renderContext(checked)).outline(doc.procedure!), lexicon);
}

async function render(text: string, settings = DEFAULT_SETTINGS, source = 'id/cuti-tahunan.md') {
  const { procedure, checked } = await procedureOf(text, source);
  const context = { ...(await renderContext(checked)), settings };
  const result = await renderWith(pictogramRenderer, procedure, context);
  const file = (name: string) => result.artifacts.find((artifact) => artifact.path.endsWith(name))!.data;
  return {
    ...result,
    procedure,
    context,
    svg: String(file('.svg')),
    png: file('.png') as Uint8Array,
    pdf: file('.pdf') as Uint8Array,
  };
}

function withSteps(count: number): string {
  const steps = Array.from({ length: count }, (_, i) => `${i + 1}. Serahkan berkas ke loket nomor ${i + 1}.`).join(
    '\n',
  );
  return validProcedure((text) =>
    text.replace(/## Prosedur\n\n[\s\S]*?\n\n## Pengaduan/, `## Prosedur\n\n${steps}\n\n## Pengaduan`),
  );
}

describe('matching words to pictograms', () => {
  it('finds inflected Indonesian words by their stem (me-, di-, -kan, pe-…-an)', () => {
    expect(best('id', 'Menyerahkan berkas ke loket')).toBe('submit');
    expect(best('id', 'Berkas diserahkan kepada petugas')).toBe('collect'); // the citizen receives
    expect(best('id', 'Penyerahan berkas')).toBe('submit');
    expect(best('id', 'Pejabat menandatangani surat')).toBe('signature');
    expect(best('id', 'Surat yang ditandatangani kepala OPD', 'requirements')).toBe('letter');
    expect(best('id', 'Operator mengunggah dokumen')).toBe('upload');
    expect(best('id', 'Pemeriksaan berkas oleh BKPSDM')).toBe('check');
    expect(best('id', 'Pembayaran retribusi di bank', 'requirements')).toBe('money');
    expect(best('id', 'Fotokopi KTP-el', 'requirements')).toBe('ktp');
    // A hyphenated word is found by its first part too ("ktp" of "KTP-elektronik").
    expect(best('id', 'Fotokopi KTP-elektronik orang tua', 'requirements')).toBe('ktp');
    expect(best('id', 'Fotokopi KK', 'requirements')).toBe('kk');
    expect(best('id', 'Pasfoto ukuran 3×4', 'requirements')).toBe('photo');
  });

  it('finds Javanese words, with dipun-, -aken and -ipun', () => {
    expect(best('jv', 'Aturaken berkas dhateng petugas')).toBe('submit');
    expect(best('jv', 'Serat ingkang sampun dipuntandhatangani', 'requirements')).toBe('letter');
    expect(best('jv', 'Pejabat nandhatangani serat idin')).toBe('signature');
    expect(best('jv', 'BKPSDM mriksa berkas')).toBe('check');
    expect(best('jv', 'Pendhet nomer antrean ing loket')).toBe('queue-number');
    expect(best('jv', 'Serat idin dipunkintun dhateng OPD')).toBe('send');
  });

  it('finds nothing in text without a known word', () => {
    expect(best('id', 'Berdoa dengan khusyuk')).toBeUndefined();
  });
});

describe('pictures that are right', () => {
  const pictures = (text: string, role: 'requirements' | 'steps' = 'requirements') =>
    matchPictures(matcherFor(lexicon, 'id'), text, role).map((match) => match.concept.id);

  it('reads phrases before single words, and not a word inside a phrase that means something else', () => {
    expect(pictures('Daftar susunan keluarga')).toEqual(['family']); // a list, not registering
    expect(pictures('Pegawai melaporkan perkawinan', 'steps')).toEqual(['marriage']); // not a complaint
    expect(pictures('Laporkan kehilangan ke kantor polisi', 'steps')).not.toContain('complaint');
    expect(pictures('BKPSDM menyerahkan SK kepada pegawai', 'steps')).toEqual(['collect']); // handed over: received
    expect(pictures('Surat Keputusan (SK) Kenaikan Pangkat')).toEqual(['decree']); // a decree, not a chart
    expect(pictures('Proposal penelitian')).not.toContain('check'); // research is no checking
    expect(pictures('Pengaduan disampaikan melalui SP4N-LAPOR', 'steps')).toEqual(['complaint']);
  });

  it('gives each document of a list its picture, and one document one picture', () => {
    expect(pictures('KK dan KTP-el')).toEqual(['kk', 'ktp']);
    expect(pictures('Fotokopi KTP-el, KK, dan ijazah terakhir')).toEqual(['ktp', 'kk', 'diploma']);
    expect(pictures('KK tempat bayi akan didaftarkan')).toEqual(['kk']);
    expect(pictures('Fotokopi buku nikah atau akta perkawinan')).toEqual(['marriage']);
    expect(pictures('Surat keterangan dokter dari puskesmas')).toEqual(['doctor-letter']);
  });

  it('has a picture of its own for each common document', () => {
    const art = (text: string) => matchText(matcherFor(lexicon, 'id'), text, 'requirements')?.concept.art;
    const documents = [
      'SK pangkat terakhir',
      'Ijazah terakhir',
      'KTP-el',
      'Kartu Keluarga',
      'Akta kematian',
      'Surat pernyataan bermeterai',
      'Surat keterangan dokter',
      'Formulir isian',
      'Map snelhecter',
    ];
    const arts = documents.map(art);
    expect(arts.every((found) => found !== undefined)).toBe(true);
    expect(new Set(arts).size).toBe(documents.length);
  });

  it('sets conditions apart from what to bring, and marks the "Jika …" cases', async () => {
    const text = validProcedure((s) =>
      s.replace(
        '- Formulir permohonan cuti',
        '- Berstatus PNS atau CPNS\n- Tidak sedang menjalani hukuman disiplin\n- Formulir permohonan cuti\n- Jika diwakilkan, surat kuasa bermeterai',
      ),
    );
    const { checked } = await procedureOf(text);
    const plan = await planOf(checked);
    expect(plan.requirements.map((item) => [item.condition, item.branch])).toEqual([
      [true, false],
      [true, false],
      [false, false],
      [false, true],
      [false, false],
    ]);
    expect(plan.requirements[3]?.concept?.id).toBe('power-of-attorney');
  });

  it('writes the sum on the money and the days on the calendar', async () => {
    const { checked } = await procedureOf(
      validProcedure((s) => s.replace('cost: Gratis', 'cost: Rp 50.000').replace('3 hari kerja', '60 hari kerja')),
    );
    const plan = await planOf(checked);
    const fact = (id: string) => plan.facts.find((entry) => entry.fact.id === id);
    expect([fact('cost')?.concept?.id, fact('cost')?.pictureNumber]).toEqual(['money', '50.000']);
    expect([fact('duration')?.concept?.id, fact('duration')?.pictureNumber]).toEqual(['calendar', '60']);
  });
});

describe('the writer chooses pictures with {pictogram=…}', () => {
  const text = validProcedure((source) =>
    source
      .replace('- Formulir permohonan cuti', '- Formulir permohonan cuti {pictogram=stamp}')
      .replace('- Fotokopi SK pangkat terakhir', '- Fotokopi SK pangkat terakhir {pictogram=none}')
      .replace('2. Serahkan ke loket.', '2. Berdoa dengan khusyuk. {pictogram=wait}'),
  );

  it('takes the chosen picture, turns one off, and keeps the attribute out of every text', async () => {
    const { procedure, checked } = await procedureOf(text);
    const plan = await planOf(checked);
    expect(plan.requirements.map((entry) => [entry.concept?.id, entry.source])).toEqual([
      ['stamp', 'writer'],
      [undefined, 'none'],
    ]);
    expect(plan.steps[1]?.concept?.id).toBe('wait');
    expect(plan.coverage).toBe(1); // a picture turned off is not missing
    expect(JSON.stringify(procedure)).not.toContain('{pictogram');
    expect(procedure.requirements.items[0]?.pictogram).toMatchObject({
      id: 'stamp',
      position: { start: { line: 15, column: 28 } },
    });
  });

  it('never shows the attribute on the HTML page', async () => {
    const { procedure, checked } = await procedureOf(text);
    const { artifacts } = await renderWith(htmlRenderer, procedure, await renderContext(checked));
    expect(String(artifacts[0]?.data)).toContain('<li>Formulir permohonan cuti</li>');
    expect(String(artifacts[0]?.data)).not.toContain('pictogram=');
  });

  it('warns, at the attribute, about a picture the lexicon does not have', async () => {
    const checked = await check({
      'id/cuti-tahunan.md': validProcedure((s) =>
        s.replace('2. Serahkan ke loket.', '2. Serahkan ke loket. {pictogram=unicorn}'),
      ),
    });
    expect(messageLines(checked[0]!)).toEqual(['21:23 warning unknown-pictogram']);
    expect(checked[0]?.file.messages[0]?.reason).toContain('"unicorn"');
    // …and still builds, choosing by itself.
    expect((await planOf(checked)).steps[1]?.concept?.id).toBe('submit');
  });
});

describe('items without a picture', () => {
  it('get a numbered box and a warning each, at its own line', async () => {
    const text = validProcedure((s) =>
      s.replace(
        '1. Isi formulir.\n2. Serahkan ke loket.',
        '1. Berdoa dengan khusyuk.\n2. Serahkan ke loket.\n3. Bersyukur.',
      ),
    );
    const { warnings, svg } = await render(text);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^pictogram-unmatched: .*Prosedur 1 \("Berdoa dengan khusyuk\."\)/);
    expect(warnings[1]).toMatch(/^pictogram-unmatched: .*Prosedur 3 \("Bersyukur\."\)/);
    expect(svg).toContain('stroke-dasharray="2 1.5"'); // the neutral box
  });
});

describe('coverage', () => {
  it('gives at least 85% of the sample requirements and steps a picture', async () => {
    const documents: Record<string, string> = {};
    for (const lang of ['id', 'jv']) {
      for (const name of readdirSync(join(REPO, 'content', lang)))
        documents[`${lang}/${name}`] = readFileSync(join(REPO, 'content', lang, name), 'utf8');
    }
    const checked = await check(documents, readFileSync(join(REPO, 'content/site.yaml'), 'utf8'));
    const context = await renderContext(checked);
    let items = 0;
    let pictured = 0;
    for (const doc of checked) {
      const plan = planOutline(context.outline(doc.procedure!), lexicon);
      const entries = [...plan.requirements, ...plan.steps];
      items += entries.length;
      pictured += entries.filter((entry) => entry.concept).length;
    }
    expect(items).toBe(175);
    expect(pictured / items).toBeGreaterThanOrEqual(0.85);
  });

  it('is in catalog.json for every procedure', async () => {
    const checked = await check({
      'id/cuti-tahunan.md': validProcedure(),
      'id/berdoa.md': validProcedure((s) => s.replace('2. Serahkan ke loket.', '2. Berdoa dengan khusyuk.')),
    });
    const files = [...catalogRenderer.renderSite!(await renderContext(checked), new Map())];
    const catalog = files.find((file) => file.path === 'catalog/id/1.json');
    const entries = JSON.parse(String(catalog!.data)).procedures as {
      slug: string;
      pictogramCoverage: number;
    }[];
    expect(entries.map((entry) => [entry.slug, entry.pictogramCoverage])).toEqual([
      ['berdoa', 0.75],
      ['cuti-tahunan', 1],
    ]);
  });
});

describe('the HTML page', () => {
  it("lists each picture beside its item's whole text, and links the three files of the sheet", async () => {
    const { artifacts, procedure, context } = await render(validProcedure());
    const withEditions = { ...context, editions: pictogramRenderer.editions ?? [] };
    const page = String((await renderWith(htmlRenderer, procedure, withEditions, artifacts)).artifacts[0]?.data);
    // The A4 sheet is no longer shown as one image: it is a download.
    expect(page).not.toContain('<img src="pictograms.svg"');
    const start = page.indexOf('class="pelita-pictograms"');
    const list = page.slice(start, page.indexOf('</section>', start));
    expect(list).toMatch(/<img src="pictograms\/form\.svg" alt="" width="64" height="64" loading="lazy">/);
    expect(list).toContain('<span class="pelita-picture-text">Formulir permohonan cuti</span>');
    expect(list).toContain('<ol class="pelita-picture-list">');
    expect(list).toContain(
      '<a href="pictograms.pdf" type="application/pdf">Unduh lembar bahasa gambar A4 untuk dicetak (PDF)</a>',
    );
    // Every picture the page shows is a file the renderer wrote.
    const written = new Set(artifacts.map((artifact) => artifact.path.replace(/^id\/cuti-tahunan\//, '')));
    for (const [, src] of list.matchAll(/<img src="([^"]+)"/g)) expect(written.has(src ?? '')).toBe(true);
    for (const [file, type, kind] of [
      ['pictograms.pdf', 'application/pdf', 'PDF'],
      ['pictograms.png', 'image/png', 'PNG'],
      ['pictograms.svg', 'image/svg+xml', 'SVG'],
    ]) {
      expect(page).toContain(`<a href="${file}" type="${type}" hreflang="id">Lembar bahasa gambar (${kind})</a>`);
    }
  });
});

describe('the sheet files', () => {
  it('writes a well-formed A4 SVG whose text is all outlines, every picture named by its full text', async () => {
    const { svg } = await render(validProcedure());
    const dir = tempDir('pelita-pictogram-');
    writeFileSync(join(dir, 'sheet.svg'), svg);
    execFileSync('xmllint', ['--noout', join(dir, 'sheet.svg')]); // throws when not well-formed
    expect(svg).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="210mm" height="297mm"/);
    expect(svg).not.toMatch(/<text[\s>]/);
    expect(svg).not.toContain('font-family');
    expect(svg).toContain(
      '<g role="img"><title>Fotokopi SK pangkat terakhir</title><desc>Fotokopi SK pangkat terakhir</desc>',
    );
    expect(svg).toContain('<desc>Gambar: OpenMoji (CC BY-SA 4.0, openmoji.org) · Pelita (MIT)</desc>');
  });

  it('rasterises at 150 dpi by default and 300 dpi when asked', async () => {
    const small = await sharp((await render(validProcedure())).png).metadata();
    expect([small.width, small.height, small.density]).toEqual([1240, 1754, 150]);
    const large = await sharp(
      (await render(validProcedure(), { ...DEFAULT_SETTINGS, pictogramDpi: 300 })).png,
    ).metadata();
    expect([large.width, large.height, large.density]).toEqual([2480, 3508, 300]);
  });

  it('refuses a PNG taller than 32,767 px instead of filling memory', async () => {
    const tall = (mm: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="${mm}mm"></svg>`;
    // 2,775 mm is 32,776 px at 300 dpi (about 9⅓ A4 pages), and 16,388 px at 150 dpi.
    await expect(svgToPng(tall(2775), 300)).rejects.toThrow('would be 32776 px tall at 300 dpi, more than the PNG');
    expect((await sharp(await svgToPng(tall(2775), 150)).metadata()).height).toBe(16388);
  });

  it('rasterises what the SVG draws, on white paper edge to edge', async () => {
    const { svg, png } = await render(validProcedure());
    const drawn = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([drawn.info.channels, drawn.info.width, drawn.info.height]).toEqual([3, 1240, 1754]);
    const rowIsWhite = (y: number) => drawn.data.subarray(y * 1240 * 3, (y + 1) * 1240 * 3).every((v) => v === 255);
    expect([rowIsWhite(0), rowIsWhite(1753)]).toEqual([true, true]);
    // librsvg (sharp's SVG reader) as an independent second drawing of the same SVG:
    // the two differ only in anti-aliasing, not in a missing word or picture.
    const sized = svg.replace('width="210mm" height="297mm"', 'width="1240" height="1754"');
    const other = await sharp(Buffer.from(sized), { density: 72 })
      .flatten({ background: '#fff' })
      .removeAlpha()
      .raw()
      .toBuffer();
    let ink = 0;
    let far = 0;
    for (let i = 0; i < other.length; i++) {
      if ((other[i] as number) < 128) ink++;
      if (Math.abs((other[i] as number) - (drawn.data[i] as number)) > 96) far++;
    }
    expect(ink).toBeGreaterThan(50_000);
    expect(far).toBeLessThan(ink / 1000);
  });

  it('makes a tagged PDF: each picture a Figure with its full text as alt text', async () => {
    const { pdf } = await render(validProcedure());
    const document = await getDocument({ data: pdf.slice(), useSystemFonts: false }).promise;
    const page = await document.getPage(1);
    const tree = await page.getStructTree();
    const figures: string[] = [];
    const headings: string[] = [];
    const walk = (node: { role?: string; alt?: string; children?: unknown[] }) => {
      if (node.role === 'Figure') figures.push(node.alt ?? '');
      if (node.role?.startsWith('H')) headings.push(node.role);
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    walk(tree);
    // The facts first, then what to bring, then the steps.
    expect(figures).toEqual([
      'Cuti Tahunan',
      'Jangka waktu penyelesaian: 3 hari kerja',
      'Biaya/tarif: Gratis',
      'Produk layanan: Surat Izin Cuti Tahunan',
      'Formulir permohonan cuti',
      'Fotokopi SK pangkat terakhir',
      'Isi formulir.',
      'Serahkan ke loket.',
    ]);
    expect(headings).toEqual(['H1', 'H2', 'H2']);
    const metadata = await document.getMetadata();
    expect(metadata.info).toMatchObject({ Title: 'Cuti Tahunan – Lembar bahasa gambar', Language: 'id' });
    expect(String((metadata.info as { Keywords?: string }).Keywords)).toContain('OpenMoji (CC BY-SA 4.0');
    await document.destroy();
  });

  it('draws in the PDF what the PNG shows: every picture, shape and line of text in its place', async () => {
    const { png, pdf } = await render(withSteps(4));
    const dir = tempDir();
    writeFileSync(join(dir, 'sheet.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', '-png', join(dir, 'sheet.pdf'), join(dir, 'page')]);
    const page = readdirSync(dir).find((name) => name.startsWith('page'))!;
    const poppler = await sharp(join(dir, page)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const drawn = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    // 595.28 pt at 150 dpi: poppler rounds up to 1241 px, the PNG is 210 mm, 1240 px.
    expect([poppler.info.width, poppler.info.height]).toEqual([1241, 1754]);
    const stride = poppler.info.width;
    // Text is real text in the PDF and outlines in the PNG, so single pixels differ at
    // the letters' edges; 8 × 8 blocks (1.4 mm) compare what stands where.
    const BLOCK = 8;
    let inked = 0;
    let far = 0;
    for (let by = 0; by + BLOCK <= 1754; by += BLOCK) {
      for (let bx = 0; bx + BLOCK <= 1240; bx += BLOCK) {
        const sums = [0, 0];
        for (let y = by; y < by + BLOCK; y++) {
          for (let x = bx; x < bx + BLOCK; x++) {
            for (let c = 0; c < 3; c++) {
              sums[0]! += poppler.data[(y * stride + x) * 3 + c]!;
              sums[1]! += drawn.data[(y * 1240 + x) * 3 + c]!;
            }
          }
        }
        const [fromPdf, fromPng] = sums.map((sum) => sum / (3 * BLOCK * BLOCK)) as [number, number];
        if (fromPng < 200) inked++;
        if (Math.abs(fromPdf - fromPng) > 48) far++;
      }
    }
    expect(inked).toBeGreaterThan(2_000);
    expect(far).toBeLessThan(inked / 100);
  });

  it('flows 30 steps onto more A4 pages in all three files', async () => {
    const { svg, png, pdf, warnings } = await render(withSteps(30));
    expect(warnings).toEqual([]);
    const pages = Number(/height="(\d+)mm"/.exec(svg)?.[1]) / 297;
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(Number.isInteger(pages)).toBe(true);
    expect((await sharp(png).metadata()).height).toBe(1754 * pages);
    const document = await getDocument({ data: pdf.slice() }).promise;
    expect(document.numPages).toBe(pages);
    await document.destroy();
  });

  it('gives the same bytes for the same input', async () => {
    const first = await render(sample('jv/cuti-tahunan.md'), DEFAULT_SETTINGS, 'jv/cuti-tahunan.md');
    const second = await render(sample('jv/cuti-tahunan.md'), DEFAULT_SETTINGS, 'jv/cuti-tahunan.md');
    // The one generic picture of the sample is named, honestly (a record of leave left is no specific document).
    expect(first.warnings.map((warning) => warning.split(':')[0])).toEqual(['pictogram-generic']);
    const bytes = (artifacts: Artifact[]) => artifacts.map((artifact) => Buffer.from(artifact.data).toString('base64'));
    expect(bytes(second.artifacts)).toEqual(bytes(first.artifacts));
  });
});
