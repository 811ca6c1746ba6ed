// The EPUB container (OCF): a ZIP with `mimetype` first and stored, then META-INF/container.xml
// and the publication, in a fixed order with a fixed time stamp, so the same book is the same
// bytes. fflate (MIT) writes the ZIP.
import { zipSync } from 'fflate';

export interface ZipEntry {
  path: string;
  data: Uint8Array;
  /** Stored as is (already compressed, like an MP3, or required so, like `mimetype`). */
  store?: boolean;
}

export function epubZip(entries: readonly ZipEntry[], date: string): Uint8Array {
  const [year = 2000, month = 1, day = 1] = date.split('-').map(Number);
  // fflate writes a ZIP time from a Date's local fields: built from local fields, the same
  // date gives the same bytes in every time zone. Noon, so no time zone's midnight change moves it.
  const mtime = new Date(year, month - 1, day, 12, 0, 0);
  const files: Record<string, [Uint8Array, { level: 0 | 9; mtime: Date }]> = {
    mimetype: [new TextEncoder().encode('application/epub+zip'), { level: 0, mtime }],
  };
  for (const entry of entries) files[entry.path] = [entry.data, { level: entry.store ? 0 : 9, mtime }];
  return zipSync(files, { mtime, os: 3, attrs: 0o100644 << 16 });
}
