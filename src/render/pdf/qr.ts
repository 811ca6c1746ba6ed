// The QR code as vector rectangles (one per run of dark modules in a row), so it stays
// sharp at any print size and adds no image.
import QRCode from 'qrcode';

export interface QrRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Dark rectangles of `text`'s QR code in a square of `size`, quiet zone of 4 modules included. */
export function qrRects(text: string, size: number): QrRect[] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const unit = size / (count + 8);
  const rects: QrRect[] = [];
  for (let row = 0; row < count; row++) {
    let column = 0;
    while (column < count) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < count && modules.get(row, column)) column++;
      rects.push({ x: (start + 4) * unit, y: (row + 4) * unit, width: (column - start) * unit, height: unit });
    }
  }
  return rects;
}
