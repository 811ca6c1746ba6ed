// SVG → PNG: resvg draws the sheet, sharp writes the PNG. The SVG has no text elements
// (its words are glyph outlines), so no font, of the machine or bundled, is used.
// resvg fills the sheet's ~2,000 glyph <use>s in less than half of librsvg's CPU time
// (docs/benchmarks.md, "Picture-language sheet").
import { renderAsync } from '@resvg/resvg-js';
import sharp from 'sharp';

const MAX_HEIGHT = 32_767;

/**
 * The sheet's size is in millimetres; the pixel size is set here exactly, so no
 * renderer's unit conversion decides it: A4 at 150 dpi is 1240 × 1754.
 */
export async function svgToPng(svg: string, dpi: number): Promise<Uint8Array> {
  const size = /<svg[^>]*?\swidth="([\d.]+)mm" height="([\d.]+)mm"/.exec(svg);
  if (!size) throw new Error('the sheet has no size in millimetres');
  const px = (mm: string | undefined) => Math.round((Number(mm) / 25.4) * dpi);
  // The height librsvg (which drew the PNG before resvg) could not pass, kept as the
  // limit: it bounds what one sheet holds in memory (at 300 dpi, 2480 × 32,767 RGBA
  // pixels are 0.3 GB, and resvg's pixels are copied once for sharp).
  if (px(size[2]) > MAX_HEIGHT) {
    throw new Error(`the sheet would be ${px(size[2])} px tall at ${dpi} dpi, more than the PNG's ${MAX_HEIGHT} px`);
  }
  const sized = svg.replace(
    size[0],
    size[0].replace(/width="[\d.]+mm" height="[\d.]+mm"/, `width="${px(size[1])}" height="${px(size[2])}"`),
  );
  // A white canvas: the rounding of the pixel size leaves a sliver of a pixel at the top
  // and bottom that the paper does not cover, and every pixel is then opaque, so resvg's
  // premultiplied RGBA is plain RGB once the alpha channel is dropped.
  const image = await renderAsync(sized, {
    background: '#fff',
    font: { loadSystemFonts: false },
    logLevel: 'off',
  });
  const png = await sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
    .removeAlpha()
    // Level 4, no filter: a quarter less encoding CPU than level 6 for files 7 % larger
    // (docs/benchmarks.md, 2026-12-03); adaptive filtering and palettes cost 3× more.
    .png({ compressionLevel: 4, adaptiveFiltering: false })
    // Only the density (pHYs): withMetadata also added an sRGB profile, and handling it
    // took a third of the encoding's CPU without changing a pixel.
    .withDensity(dpi)
    .toBuffer();
  return new Uint8Array(png);
}
