// The small part of fontkit's API Pelita uses (fontkit ships no types).
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): unknown;
    glyphForCodePoint(codePoint: number): { advanceWidth: number };
  }
  export function create(buffer: Uint8Array): Font;
}
