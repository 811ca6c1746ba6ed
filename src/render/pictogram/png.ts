// SVG → PNG with sharp (librsvg). The SVG has no text elements, so no system font is used.
import sharp from 'sharp';

/**
 * The sheet's size is in millimetres; librsvg's own unit conversion depends on its
 * build, so the pixel size is set here exactly: A4 at 150 dpi is 1240 × 1754.
 */
export async function svgToPng(svg: string, dpi: number): Promise<Uint8Array> {
  const size = /<svg[^>]*?\swidth="([\d.]+)mm" height="([\d.]+)mm"/.exec(svg);
  if (!size) throw new Error('the sheet has no size in millimetres');
  const px = (mm: string | undefined) => Math.round((Number(mm) / 25.4) * dpi);
  const sized = svg.replace(
    size[0],
    size[0].replace(/width="[\d.]+mm" height="[\d.]+mm"/, `width="${px(size[1])}" height="${px(size[2])}"`),
  );
  const png = await sharp(Buffer.from(sized), { density: 72 })
    .png({ compressionLevel: 6, adaptiveFiltering: false })
    .withMetadata({ density: dpi })
    .toBuffer();
  return new Uint8Array(png);
}
