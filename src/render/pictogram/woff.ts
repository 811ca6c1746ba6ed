// WOFF 1.0 → plain TrueType/OpenType bytes. Fontsource ships WOFF only, and fontkit
// inflates a WOFF table again on every read (slow for each glyph the PDF embeds),
// so the font is unpacked once on load. Format: https://www.w3.org/TR/WOFF/
import { inflateSync } from 'node:zlib';

export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const input = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (input.toString('latin1', 0, 4) !== 'wOFF') return woff;
  const flavor = input.readUInt32BE(4);
  const count = input.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const offset = input.readUInt32BE(at + 4);
    const compressed = input.readUInt32BE(at + 8);
    const length = input.readUInt32BE(at + 12);
    const raw = input.subarray(offset, offset + compressed);
    return {
      tag: input.readUInt32BE(at),
      checksum: input.readUInt32BE(at + 16),
      data: compressed < length ? inflateSync(raw) : raw,
    };
  });
  const headerLength = 12 + 16 * count;
  const padded = (n: number) => (n + 3) & ~3;
  const output = Buffer.alloc(headerLength + tables.reduce((sum, table) => sum + padded(table.data.length), 0));
  // The search fields of the offset table, as the OpenType spec defines them.
  const power = 2 ** Math.floor(Math.log2(count));
  output.writeUInt32BE(flavor, 0);
  output.writeUInt16BE(count, 4);
  output.writeUInt16BE(power * 16, 6);
  output.writeUInt16BE(Math.log2(power), 8);
  output.writeUInt16BE(count * 16 - power * 16, 10);
  let offset = headerLength;
  tables.forEach((table, i) => {
    const at = 12 + i * 16;
    output.writeUInt32BE(table.tag, at);
    output.writeUInt32BE(table.checksum, at + 4);
    output.writeUInt32BE(offset, at + 8);
    output.writeUInt32BE(table.data.length, at + 12);
    table.data.copy(output, offset);
    offset += padded(table.data.length);
  });
  return new Uint8Array(output);
}
