// The audio renderer's warnings point at the source line to fix.
import type { Position } from 'unist';
import { describe, expect, it } from 'vitest';
import { audioRenderer } from '../src/render/audio/audio-renderer.js';
import { check, renderContext, validProcedure } from './support/fixtures.js';

describe('warnings', () => {
  it('point at the line with an abbreviation the lexicon does not know', async () => {
    const checked = await check({
      'id/cuti-tahunan.md': validProcedure((t) => t.replace('1. Isi', '1. Isi formulir XYZ dan')),
    });
    const procedure = checked[0]!.procedure!;
    const context = {
      ...(await renderContext(checked)),
      settings: { ...(await renderContext(checked)).settings, speechEngine: 'native' as const },
    };
    const warnings: { reason: string; line?: number; ruleId: string }[] = [];
    const artifacts = await audioRenderer.renderProcedure!(context.outline(procedure), context, {
      earlier: [],
      warn: (reason, place, ruleId) =>
        warnings.push({ reason, line: (place as Position | undefined)?.start.line, ruleId }),
    });
    expect(artifacts.map((artifact) => artifact.path)).toEqual([
      'id/cuti-tahunan/audio.mp3',
      'id/cuti-tahunan/audio.txt',
      'id/cuti-tahunan/audio.vtt',
      'id/cuti-tahunan/audio-chapters.vtt',
      'id/cuti-tahunan/transcript.txt',
      'id/cuti-tahunan/talking-book.epub',
    ]);
    const line = validProcedure((t) => t.replace('1. Isi', '1. Isi formulir XYZ dan'))
      .split('\n')
      .findIndex((text) => text.includes('XYZ'));
    expect(warnings).toEqual([
      expect.objectContaining({
        ruleId: 'audio-unknown-abbreviation',
        line: line + 1,
        reason: expect.stringContaining('"XYZ"'),
      }),
    ]);
  });
});
