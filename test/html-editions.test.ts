// The page links the files that earlier renderers made, with size and language.
import { describe, expect, it } from 'vitest';
import { htmlRenderer } from '../src/render/html/html-renderer.js';
import { formatSize } from '../src/render/html/procedure-view.js';
import { check, renderContext, renderWith, testTemplates, validProcedure } from './support/fixtures.js';

describe('edition links', () => {
  it('links each declared edition that exists, with its size and language', async () => {
    const checked = await check({ 'id/cuti-tahunan.md': validProcedure() });
    const context = {
      ...(await renderContext(checked)),
      editions: [
        { file: 'leaflet.pdf', term: 'edition_leaflet' as const, type: 'application/pdf' },
        { file: 'audio.mp3', term: 'edition_audio' as const, type: 'audio/mpeg' },
      ],
    };
    const earlier = [{ path: 'id/cuti-tahunan/leaflet.pdf', data: new Uint8Array(200 * 1024) }];
    const { artifacts } = await renderWith(htmlRenderer, checked[0]!.procedure!, context, earlier);
    const page = String(artifacts[0]!.data);
    expect(page).toContain(
      '<li><a href="leaflet.pdf" type="application/pdf" hreflang="id">Leaflet (PDF)</a> <span class="pelita-edition-meta">(200 KB, Bahasa Indonesia)</span></li>',
    );
    expect(page).not.toContain('audio.mp3');
  });

  it('shows no editions section when there is nothing to link', async () => {
    const checked = await check({ 'id/cuti-tahunan.md': validProcedure() });
    const { artifacts } = await renderWith(htmlRenderer, checked[0]!.procedure!, await renderContext(checked));
    expect(String(artifacts[0]!.data)).not.toContain('pelita-editions');
  });

  it('formats sizes with the language decimal sign', async () => {
    const { words } = await testTemplates();
    expect(formatSize(10, words.get('id')!)).toBe('1 KB');
    expect(formatSize(1.45 * 1024 * 1024, words.get('id')!)).toBe('1,4 MB');
    expect(formatSize(1.45 * 1024 * 1024, words.get('en')!)).toBe('1.4 MB');
  });
});

describe('audio player and links in the fragment', () => {
  it('plays the spoken edition on the page, links its transcript, and uses full URLs in the fragment', async () => {
    const checked = await check({ 'id/cuti-tahunan.md': validProcedure() });
    const context = {
      ...(await renderContext(checked)),
      editions: [{ file: 'audio.mp3', term: 'edition_audio' as const, type: 'audio/mpeg' }],
    };
    const earlier = [
      { path: 'id/cuti-tahunan/audio.mp3', data: new Uint8Array(10) },
      { path: 'id/cuti-tahunan/audio.txt', data: 'Layanan …' },
    ];
    const { artifacts } = await renderWith(htmlRenderer, checked[0]!.procedure!, context, earlier);
    const [page, fragment] = artifacts.map((artifact) => String(artifact.data));
    expect(page).toContain(
      '<audio id="pelita-id-cuti-tahunan-audio-player" controls preload="none" src="audio.mp3" aria-labelledby="pelita-id-cuti-tahunan-audio"></audio>',
    );
    expect(page).toContain('<a href="audio.txt" type="text/plain">Baca naskahnya</a>');
    const base = 'https://bkpsdm.uji.example/layanan/id/cuti-tahunan/';
    expect(fragment).toContain(`src="${base}audio.mp3"`);
    expect(fragment).toContain(`<a href="${base}audio.mp3" type="audio/mpeg" hreflang="id">`);
  });
});
