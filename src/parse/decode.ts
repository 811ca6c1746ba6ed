// Turns a file's bytes into text, refusing anything that is not valid UTF-8 so that
// a writer learns which line their editor saved in another encoding.
import { isUtf8 } from 'node:buffer';

export type DecodeResult = { ok: true; text: string } | { ok: false; line: number; column: number };

const BOM = '\uFEFF';

export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  if (isUtf8(bytes)) {
    const text = new TextDecoder('utf-8').decode(bytes);
    return { ok: true, text: text.startsWith(BOM) ? text.slice(1) : text };
  }
  return { ok: false, ...locateInvalidByte(bytes) };
}

function locateInvalidByte(bytes: Uint8Array): { line: number; column: number } {
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const lineBytes = bytes.subarray(lineStart, i);
      if (!isUtf8(lineBytes)) {
        const decoded = new TextDecoder('utf-8').decode(lineBytes);
        return { line, column: decoded.indexOf('\uFFFD') + 1 };
      }
      lineStart = i + 1;
      line++;
    }
  }
  return { line: 1, column: 1 };
}
