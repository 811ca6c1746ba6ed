// Wraps and places lines of text, in millimetres, measured with the font that will draw them.
import type { TextRun } from './layout.js';
import { drawableText, type Face, type GlyphStore, shapeLine, wrapText } from './text-paths.js';

export const INK = '#000';
export const SOFT = '#595959';

export class TextDrawer {
  constructor(private readonly glyphs: GlyphStore = new Map()) {}

  /** Lines hold only what is drawn, so the sheet's lines read as the reader sees them. */
  wrap(value: string, face: Face, size: number, width: number): string[] {
    return wrapText(drawableText(value, face), face, width / size, this.glyphs);
  }

  width(value: string, face: Face, size: number): number {
    return shapeLine(value, face, this.glyphs).width * size;
  }

  /**
   * At most `max` lines, ending in "…": for a caption that is then printed whole
   * elsewhere on the sheet. Cuts at the end of the first clause when that fits (never
   * inside brackets: "(2 lembar)" stays with its noun or goes with it).
   */
  shorten(value: string, face: Face, size: number, width: number, max: number): { text: string; lines: string[] } {
    const clause = value.split(/[.;:!?](?:\s|$)|,\s|\s[–—]\s/)[0]?.trim() ?? '';
    const words = (clause !== '' && clause !== value ? clause : value).split(/\s+/);
    for (let count = words.length; count > 0; count--) {
      const kept = words.slice(0, count).join(' ');
      if ((kept.match(/\(/g) ?? []).length > (kept.match(/\)/g) ?? []).length) continue;
      const lines = this.wrap(`${kept} …`, face, size, width);
      if (lines.length <= max) return { text: `${kept} …`, lines };
    }
    return { text: '…', lines: ['…'] };
  }

  draw(lines: string[], face: Face, size: number, x: number, baseline: number, fill: string, leading = 1.2): TextRun[] {
    return lines.map((line, i) => ({ text: line, face, size, x, baseline: baseline + i * size * leading, fill }));
  }

  drawCentred(value: string, face: Face, size: number, cx: number, baseline: number, fill: string): TextRun[] {
    const text = drawableText(value, face);
    return [{ text, face, size, x: cx - this.width(text, face, size) / 2, baseline, fill }];
  }

  drawRight(value: string, face: Face, size: number, right: number, baseline: number, fill: string): TextRun[] {
    const text = drawableText(value, face);
    return [{ text, face, size, x: right - this.width(text, face, size), baseline, fill }];
  }

  drawCentredLines(
    lines: string[],
    face: Face,
    size: number,
    cx: number,
    baseline: number,
    leading: number,
    fill = INK,
  ): TextRun[] {
    return lines.flatMap((line, i) => this.drawCentred(line, face, size, cx, baseline + i * size * leading, fill));
  }
}
