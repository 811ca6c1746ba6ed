// SMIL clock values and XHTML language attributes.
import { escapeXml } from '../escape-xml.js';

/** A SMIL full clock value, `h:mm:ss.mmm`, from milliseconds. */
export function clock(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const hours = Math.floor(whole / 3_600_000);
  const minutes = Math.floor(whole / 60_000) % 60;
  const seconds = Math.floor(whole / 1000) % 60;
  return `${hours}:${pad(minutes)}:${pad(seconds)}.${pad(whole % 1000, 3)}`;
}

/** The language attributes of an XHTML element. */
export function langAttributes(lang: string): string {
  return `xml:lang="${escapeXml(lang)}" lang="${escapeXml(lang)}"`;
}
