// Navigation in the oral edition, on a procedure the other tests never saw: the script is
// spoken segment by segment (each section, each step) with set pauses, the MP3 carries one
// ID3 chapter per section and per step (read back with ffprobe), silencedetect hears the
// pauses, the captions are in normal spelling and the page's chapter list seeks the player.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../src/pipeline/build.js';
import { audioRenderer } from '../src/render/audio/audio-renderer.js';
import { joinSpeech, PAUSE_SECONDS } from '../src/render/audio/speech/join.js';
import { readChaptersVtt } from '../src/render/audio/timed-text.js';
import { htmlRenderer } from '../src/render/html/html-renderer.js';
import type { Artifact } from '../src/render/types.js';
import { launchChromium } from './support/browser.js';
import { contentFolder, tempDir } from './support/cli.js';
import { check, renderContext, renderWith } from './support/fixtures.js';

const PUSKESMAS = `---
title: Pendaftaran Pasien Baru di Puskesmas
summary: Layanan pendaftaran bagi warga yang pertama kali berobat ke puskesmas.
duration: 15 menit
cost: Gratis
product: Kartu Berobat Pasien
updated: 2025-08-04
---

Warga yang baru pertama kali datang didaftar sekali saja; kunjungan berikutnya cukup membawa kartu berobat.

## Persyaratan

- KTP-el atau Kartu Identitas Anak (KIA)
- Kartu Keluarga (KK)

## Prosedur

1. Ambil nomor antrean di pintu masuk.
2. Serahkan KTP-el dan KK di loket pendaftaran.
3. Terima kartu berobat, lalu tunggu panggilan di ruang poli.

## Pengaduan

- Kotak saran di ruang tunggu
`;

const tools = ['espeak-ng', 'ffmpeg', 'ffprobe'].every((tool) => spawnSync(tool, ['-version']).error === undefined);

function text(artifacts: readonly Artifact[], file: string): string {
  const found = artifacts.find((artifact) => artifact.path.endsWith(`/${file}`));
  if (!found) throw new Error(`no ${file}`);
  return typeof found.data === 'string' ? found.data : Buffer.from(found.data).toString('utf8');
}

describe('joining spoken segments', () => {
  it('cuts the voice’s own silence and puts exactly the chosen pause between segments', () => {
    const voice = (length: number) => {
      const samples = new Int16Array(length + 200);
      for (let i = 100; i < 100 + length; i++) samples[i] = i % 2 === 0 ? 3000 : -3000;
      return { sampleRate: 1000, samples };
    };
    const { pcm, spans } = joinSpeech(
      [voice(50), voice(30), voice(20)],
      [0, PAUSE_SECONDS.section, PAUSE_SECONDS.item],
    );
    expect(spans).toEqual([
      { start: 0, end: 50 },
      { start: 1350, end: 1380 },
      { start: 1980, end: 2000 },
    ]);
    expect(pcm.samples.length).toBe(2000);
    expect(pcm.samples.subarray(50, 1350).every((sample) => sample === 0)).toBe(true);
  });
});

describe.skipIf(!tools)('chapters, pauses and captions of a procedure', async () => {
  const checked = await check({ 'id/pasien-baru.md': PUSKESMAS });
  const procedure = checked[0]?.procedure;
  if (!procedure) throw new Error('the fixture did not build');
  const base = await renderContext(checked);
  const context = { ...base, settings: { ...base.settings, speechEngine: 'native' as const } };
  const { artifacts } = await renderWith(audioRenderer, procedure, context);
  const dir = tempDir('pelita-chapters-');
  const mp3 = join(dir, 'audio.mp3');
  const found = artifacts.find((artifact) => artifact.path.endsWith('/audio.mp3'));
  writeFileSync(mp3, found?.data ?? '');

  it('has one ID3 chapter per section and per step, in the page’s words, times increasing to the end', () => {
    const probe = spawnSync(
      'ffprobe',
      ['-v', 'quiet', '-print_format', 'json', '-show_chapters', '-show_format', mp3],
      { encoding: 'utf8' },
    );
    const { chapters, format } = JSON.parse(probe.stdout) as {
      chapters: { start_time: string; end_time: string; tags: { title: string } }[];
      format: { duration: string };
    };
    expect(chapters.map((chapter) => chapter.tags.title)).toEqual([
      'Pendaftaran Pasien Baru di Puskesmas',
      'Persyaratan',
      'Prosedur',
      'Langkah 1',
      'Langkah 2',
      'Langkah 3',
      'Pengaduan',
    ]);
    const starts = chapters.map((chapter) => Number(chapter.start_time));
    expect(starts[0]).toBe(0);
    for (let i = 1; i < starts.length; i++) {
      expect(starts[i]).toBeGreaterThan(starts[i - 1]! + 1);
      expect(Number(chapters[i - 1]?.end_time)).toBe(starts[i]);
    }
    // ffprobe's duration of a CBR file comes from its size, so it may run a frame longer.
    expect(Math.abs(Number(chapters.at(-1)?.end_time) - Number(format.duration))).toBeLessThan(0.1);
  });

  it('pauses 1.3 s before a section and 0.6 s before a step (ffmpeg silencedetect)', () => {
    const run = spawnSync(
      'ffmpeg',
      ['-hide_banner', '-nostats', '-i', mp3, '-af', 'silencedetect=noise=-50dB:d=0.45', '-f', 'null', '-'],
      { encoding: 'utf8' },
    );
    const silences = [...run.stderr.matchAll(/silence_duration: ([\d.]+)/g)].map((match) => Number(match[1]));
    const long = silences.filter((seconds) => seconds >= 1.2 && seconds <= 1.5);
    const short = silences.filter((seconds) => seconds >= 0.5 && seconds < 0.75);
    // Opening → introduction → Persyaratan → Prosedur → Pengaduan → last review: five section pauses.
    expect(long.length).toBe(5);
    expect(short.length).toBe(3);
    expect(silences.every((seconds) => seconds <= 1.5)).toBe(true);
  });

  it('captions every segment in normal spelling, at the chapters’ times', () => {
    const vtt = text(artifacts, 'audio.vtt');
    expect(vtt.startsWith('WEBVTT\n\n')).toBe(true);
    expect(vtt).toContain('KTP-el');
    expect(vtt).not.toContain('ka te pe');
    expect(text(artifacts, 'audio.txt')).toContain('ka te pe');
    const cueStarts = [...vtt.matchAll(/^(\d\d:\d\d:\d\d\.\d{3}) -->/gm)].map((match) => match[1]);
    const chapters = readChaptersVtt(text(artifacts, 'audio-chapters.vtt'));
    expect(chapters).toHaveLength(7);
    const stamp = (ms: number) => new Date(ms).toISOString().slice(11, 23);
    for (const chapter of chapters.slice(1)) expect(cueStarts).toContain(stamp(chapter.start));
    const transcript = text(artifacts, 'transcript.txt');
    expect(transcript).toContain('Langkah kedua: Serahkan KTP-el dan KK di loket pendaftaran.');
    expect(transcript).not.toMatch(/[\uE000-\uE003]/u);
  });

  it('gives the page a player with captions and chapter links that seek it', async () => {
    const { artifacts: page } = await renderWith(htmlRenderer, procedure, context, artifacts);
    const html = text(page, 'index.html');
    expect(html).toMatch(/<track kind="captions" srclang="id" src="audio\.vtt" label="Teks"/);
    const links = [...html.matchAll(/<a href="audio\.mp3#t=([\d.]+)" data-pelita-seek="([\d.]+)">([^<]+)<\/a>/g)];
    expect(links.map((link) => link[3])).toContain('Langkah 3');
    expect(links).toHaveLength(7);
    for (const link of links) expect(link[1]).toBe(link[2]);
    expect(html).toContain('href="transcript.txt"');
    // In Chromium, a chapter link seeks the player on the page instead of opening the MP3.
    writeFileSync(join(dir, 'index.html'), html);
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      await tab.goto(pathToFileURL(join(dir, 'index.html')).href);
      await tab.getByRole('link', { name: 'Langkah 3' }).click();
      const seconds = Number(links.find((link) => link[3] === 'Langkah 3')?.[2]);
      await tab.waitForFunction(() => (document.querySelector('audio')?.currentTime ?? 0) > 0);
      const at = await tab.evaluate(() => document.querySelector('audio')?.currentTime ?? 0);
      expect(tab.url()).toMatch(/index\.html$/);
      expect(at).toBeGreaterThanOrEqual(seconds);
      expect(at).toBeLessThan(seconds + 2);
    } finally {
      await browser.close();
    }
  });
});

describe.skipIf(!tools)('a warm rebuild', () => {
  it('reuses the chapters, captions and transcript with the MP3, and makes them again when a step changes', async () => {
    const contentDir = contentFolder({ 'id/pasien-baru.md': PUSKESMAS });
    const outDir = tempDir('pelita-chapters-build-');
    const build = () =>
      runBuild({ contentDir, outDir, editions: ['audio'], settings: { speechEngine: 'native' }, verify: false });
    expect((await build()).failed).toBe(0);
    const files = ['audio.mp3', 'audio.vtt', 'audio-chapters.vtt', 'transcript.txt', 'audio.txt'].map(
      (file) => `id/pasien-baru/${file}`,
    );
    const warm = await build();
    expect(warm.reused).toEqual(expect.arrayContaining(files));
    const chaptersBefore = readFileSync(join(outDir, 'id/pasien-baru/audio-chapters.vtt'), 'utf8');
    writeFileSync(
      join(contentDir, 'id/pasien-baru.md'),
      PUSKESMAS.replace('2. Serahkan KTP-el dan KK', '2. Serahkan KTP-el, KK dan kartu BPJS Kesehatan'),
    );
    const changed = await build();
    expect(changed.reused).not.toContain('id/pasien-baru/audio-chapters.vtt');
    expect(readFileSync(join(outDir, 'id/pasien-baru/audio-chapters.vtt'), 'utf8')).not.toBe(chaptersBefore);
    expect(readFileSync(join(outDir, 'id/pasien-baru/audio.vtt'), 'utf8')).toContain('kartu BPJS Kesehatan');
  });
});
