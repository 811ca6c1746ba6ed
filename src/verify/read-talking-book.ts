// An EPUB talking book read back as a reader's software reads it, sharing nothing with the
// code that wrote it: the ZIP's central directory walked here and inflated with node:zlib,
// container.xml, the package document and the overlays read with an XML parser, the content
// documents with an HTML parser, and the MP3's length counted from its frame headers.
// The text it gives is the text of the spine, less every sentence the overlay cannot play:
// one whose clip is missing from the audio, runs backwards, goes back in time or past the
// end of the audio file. So a sentence that is gone, or not heard, is missing text.
import { inflateRawSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import type { Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/** One file of the container, by its path. */
export function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end of central directory record: the last signature within the final 64 KB + 22 bytes.
  let end = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 65_557); at--) {
    if (data.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('not a ZIP file (no end of central directory)');
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  const files = new Map<string, Uint8Array>();
  for (let index = 0; index < count; index++) {
    if (data.readUInt32LE(at) !== 0x02014b50) throw new Error('broken ZIP central directory');
    const method = data.readUInt16LE(at + 10);
    const compressed = data.readUInt32LE(at + 20);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(start, start + compressed);
    files.set(name, new Uint8Array(method === 0 ? raw : inflateRawSync(raw)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/** The MP3's length in milliseconds, from its MPEG audio frames (the Xing/Info frame not counted). */
export function mp3DurationMs(bytes: Uint8Array): number {
  let at = 0;
  // ID3v2 tags, with their sizes in syncsafe integers.
  while (bytes[at] === 0x49 && bytes[at + 1] === 0x44 && bytes[at + 2] === 0x33) {
    const size =
      ((bytes[at + 6] ?? 0) << 21) | ((bytes[at + 7] ?? 0) << 14) | ((bytes[at + 8] ?? 0) << 7) | (bytes[at + 9] ?? 0);
    at += 10 + size + ((bytes[at + 5] ?? 0) & 0x10 ? 10 : 0);
  }
  let samples = 0;
  let rate = 0;
  let first = true;
  while (at + 4 <= bytes.length) {
    const header = frameHeader(bytes, at);
    if (!header) break;
    const tag = String.fromCharCode(...bytes.subarray(at + 4, at + 4 + header.length).slice(0, 40));
    const info = first && /Xing|Info/.test(tag);
    if (!info) samples += header.samples;
    rate = header.rate;
    first = false;
    at += header.length;
  }
  return rate === 0 ? 0 : (samples / rate) * 1000;
}

const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES = [44_100, 48_000, 32_000];

/** An MPEG layer III frame header: its length in bytes, its samples and sample rate. */
function frameHeader(bytes: Uint8Array, at: number) {
  const [a = 0, b = 0, c = 0] = bytes.subarray(at, at + 3);
  if (a !== 0xff || (b & 0xe0) !== 0xe0 || ((b >> 1) & 3) !== 1) return undefined;
  const version = (b >> 3) & 3; // 3: MPEG 1, 2: MPEG 2, 0: MPEG 2.5
  if (version === 1) return undefined;
  const kbps = (version === 3 ? BITRATES_V1 : BITRATES_V2)[(c >> 4) & 15];
  const base = RATES[(c >> 2) & 3];
  if (!kbps || !base) return undefined;
  const rate = version === 3 ? base : version === 2 ? base / 2 : base / 4;
  const samples = version === 3 ? 1152 : 576;
  const length = Math.floor(((samples / 8) * kbps * 1000) / rate) + ((c >> 1) & 1);
  return { length, samples, rate };
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true });

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

interface Element {
  /** Without its namespace prefix. */
  name: string;
  attributes: Record<string, string>;
  /** Its own text (not its children's elements'). */
  text: string;
}

/** Every element of a parsed document, in document order. */
function elements(nodes: unknown): Element[] {
  const found: Element[] = [];
  const visit = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const node of list as OrderedNode[]) {
      const name = Object.keys(node).find((key) => key !== ':@');
      if (!name || name === '#text') continue;
      const children = (Array.isArray(node[name]) ? node[name] : []) as OrderedNode[];
      const text = children.map((child) => (child['#text'] === undefined ? '' : String(child['#text']))).join('');
      found.push({ name: name.replace(/^.*:/, ''), attributes: node[':@'] ?? {}, text });
      visit(children);
    }
  };
  visit(nodes);
  return found;
}

function resolve(base: string, href: string): string {
  const folder = base.includes('/') ? base.slice(0, base.lastIndexOf('/') + 1) : '';
  const parts: string[] = [];
  for (const part of `${folder}${decodeURIComponent(href)}`.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

export interface Clip {
  /** The content document and the element id the clip plays. */
  text: string;
  audio: string;
  begin: number;
  end: number;
}

export interface TalkingBook {
  /** The text of each spine document, in spine order, as HTML text (sentences the overlay cannot play left out). */
  documents: { path: string; text: string }[];
  clips: Clip[];
  /** Length in milliseconds of each audio file the overlays use. */
  audio: Map<string, number>;
  /** The clips that cannot play, each with why. */
  unplayable: { clip: Clip; reason: string }[];
  /** `media:duration` of the whole book, in milliseconds. */
  durationMs?: number;
}

/** A MP3 frame: a clip may end within the last one (a decoder pads it). */
const FRAME_MS = 60;

export function readTalkingBook(bytes: Uint8Array): TalkingBook {
  const files = unzip(bytes);
  const utf8 = (path: string) => {
    const file = files.get(path);
    if (!file) throw new Error(`the book has no ${path}`);
    return new TextDecoder().decode(file);
  };
  const rootfile = elements(xml.parse(utf8('META-INF/container.xml'))).find((node) => node.name === 'rootfile');
  const opfPath = rootfile?.attributes['full-path'] ?? '';
  const opf = elements(xml.parse(utf8(opfPath)));
  const items = new Map(
    opf.filter((node) => node.name === 'item').map((node) => [node.attributes.id ?? '', node.attributes]),
  );
  const spine = opf.filter((node) => node.name === 'itemref').map((node) => items.get(node.attributes.idref ?? ''));
  const clips: Clip[] = [];
  const audio = new Map<string, number>();
  const unplayable: TalkingBook['unplayable'] = [];
  for (const item of spine) {
    const overlay = item?.['media-overlay'] ? items.get(item['media-overlay']) : undefined;
    if (!overlay?.href) continue;
    const smilPath = resolve(opfPath, overlay.href);
    let previous = 0;
    for (const node of elements(xml.parse(utf8(smilPath)))) {
      if (node.name === 'text')
        clips.push({ text: resolve(smilPath, node.attributes.src ?? ''), audio: '', begin: 0, end: 0 });
      if (node.name !== 'audio') continue;
      const clip = clips.at(-1);
      if (!clip) continue;
      clip.audio = resolve(smilPath, node.attributes.src ?? '');
      clip.begin = clockMs(node.attributes.clipBegin ?? '0');
      clip.end = node.attributes.clipEnd === undefined ? Number.POSITIVE_INFINITY : clockMs(node.attributes.clipEnd);
      if (!audio.has(clip.audio)) {
        const file = files.get(clip.audio);
        audio.set(clip.audio, file ? mp3DurationMs(file) : Number.NaN);
      }
      const length = audio.get(clip.audio) ?? Number.NaN;
      const reason = Number.isNaN(length)
        ? `no audio file ${clip.audio}`
        : !(clip.end > clip.begin)
          ? 'ends before it begins'
          : clip.begin < previous
            ? 'goes back in time'
            : clip.end > length + FRAME_MS
              ? `ends at ${clip.end} ms, after the audio (${Math.round(length)} ms)`
              : '';
      if (reason) unplayable.push({ clip, reason });
      else previous = clip.begin;
    }
  }
  const silent = new Set(unplayable.map(({ clip }) => clip.text));
  const documents = spine.flatMap((item) => {
    if (!item?.href) return [];
    const path = resolve(opfPath, item.href);
    return [{ path, text: documentText(utf8(path), (id) => silent.has(`${path}#${id}`)) }];
  });
  const duration = opf.find(
    (node) => node.name === 'meta' && node.attributes.property === 'media:duration' && !node.attributes.refines,
  );
  return { documents, clips, audio, unplayable, ...(duration ? { durationMs: clockMs(duration.text) } : {}) };
}

/** The whole book's text, as `verify` compares it. */
export function talkingBookText(bytes: Uint8Array): string {
  return readTalkingBook(bytes)
    .documents.map((document) => document.text)
    .join(' ');
}

function documentText(xhtml: string, skip: (id: string) => boolean): string {
  const parts: string[] = [];
  const stack: Nodes[] = [fromHtml(xhtml)];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'text') parts.push(node.value);
    else if (node.type === 'element') {
      if (['script', 'style', 'head'].includes(node.tagName)) continue;
      const id = node.properties.id;
      if (typeof id === 'string' && skip(id)) continue;
      stack.push(...[...node.children].reverse());
    } else if ('children' in node) stack.push(...[...node.children].reverse());
  }
  return parts.join(' ');
}

/** A SMIL clock value in milliseconds: `h:mm:ss.fff`, `mm:ss.fff`, or a timecount (`12.5s`, `300ms`, `2min`, `1h`). */
export function clockMs(value: string): number {
  const text = value.trim();
  const count = /^([\d.]+)(h|min|s|ms)?$/.exec(text);
  if (count) {
    const number = Number(count[1]);
    const unit = count[2] ?? 's';
    return number * { h: 3_600_000, min: 60_000, s: 1000, ms: 1 }[unit as 'h' | 'min' | 's' | 'ms'];
  }
  const parts = text.split(':').map(Number);
  if (parts.some((part) => Number.isNaN(part))) return Number.NaN;
  const [seconds = 0, minutes = 0, hours = 0] = parts.reverse();
  return ((hours * 60 + minutes) * 60 + seconds) * 1000;
}
