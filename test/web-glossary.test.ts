// Abbreviations on the web pages: <abbr title> at the first use of each glossary term,
// in reading order, and a list of those the page used.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadGlossary } from '../src/render/html/glossary.js';
import { htmlRenderer } from '../src/render/html/html-renderer.js';
import { check, REPO, renderContext, renderWith, testSite } from './support/fixtures.js';

const procedure = `---
title: Perekaman KTP-el
summary: Layanan bagi penduduk yang berumur 17 tahun untuk merekam data KTP-el.
duration: 1 hari kerja
cost: Gratis
product: KTP-el
updated: 2026-04-01
---

Perekaman dilayani di kantor kecamatan, Senin–Jumat 08.00–14.00 WIB.

## Persyaratan

- KK asli yang memuat NIK Anda.
- Bagi yang pernah punya KTP lama: KTP tersebut.

## Prosedur

1. Bawa KK ke loket perekaman.
2. Petugas mencocokkan NIK dan merekam sidik jari.
3. KTP-el dicetak paling lama 14 hari kerja, s.d. hari ke-14 diambil di loket yang sama.
`;

async function page(siteYaml?: string, text = procedure): Promise<string> {
  const checked = await check({ 'id/perekaman-ktp-el.md': text }, siteYaml);
  const context = await renderContext(checked);
  // The site as read from the given site.yaml (renderContext reads the test site's).
  const { site } = await testSite(siteYaml);
  const { artifacts } = await renderWith(htmlRenderer, checked[0]!.procedure!, {
    ...context,
    site: site ?? context.site,
  });
  return String(artifacts.find((artifact) => artifact.path.endsWith('/index.html'))!.data);
}

describe('abbreviations', () => {
  it('marks the first use of each, the longest term first, and lists them in reading order', async () => {
    const html = await page();
    const marked = [...html.matchAll(/<abbr title="([^"]+)">([^<]+)<\/abbr>/g)].map((match) => match[2]);
    // The last two come from the test site's default complaint channels.
    expect(marked).toEqual(['WIB', 'KK', 'NIK', 'KTP', 'KTP-el', 's.d.', 'BKPSDM', 'SP4N-LAPOR!']);
    const start = html.indexOf('class="pelita-glossary-list"');
    const glossary = html.slice(start, html.indexOf('</dl>', start));
    expect([...glossary.matchAll(/<dt>([^<]+)<\/dt>/g)].map((match) => match[1])).toEqual(marked);
    expect(glossary).toContain('<dt>KTP-el</dt><dd>Kartu Tanda Penduduk elektronik</dd>');
    expect(html).toMatch(/<nav class="pelita-toc"[\s\S]*href="#pelita-id-perekaman-ktp-el-glossary">Daftar singkatan</);
  });

  it("takes the writer's own terms from site.yaml", async () => {
    const site = readFileSync(join(REPO, 'test/fixtures/site.yaml'), 'utf8');
    const html = await page(
      `${site}glossary:\n  SIAK: Sistem Informasi Administrasi Kependudukan\n`,
      procedure.replace('Petugas mencocokkan NIK', 'Petugas mencocokkan NIK di SIAK'),
    );
    expect(html).toContain('<abbr title="Sistem Informasi Administrasi Kependudukan">SIAK</abbr>');
  });

  it('every glossary term is one the speech lexicon knows how to say', () => {
    const lexicon = parse(readFileSync(join(REPO, 'templates/speech/lexicon.yaml'), 'utf8')) as Record<string, string>;
    expect([...loadGlossary().terms.keys()].filter((term) => !(term in lexicon))).toEqual([]);
  });
});
