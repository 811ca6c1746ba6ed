// content/site.yaml → Site, with positioned messages for the person who edits it.
import type { PhrasingContent } from 'mdast';
import { definitions } from 'mdast-util-definitions';
import type { VFile } from 'vfile';
import type { MessageText } from '../i18n/messages.js';
import { parseMarkdown } from '../parse/parse-markdown.js';
import { parseYaml } from '../parse/yaml-document.js';
import { CONTROL_CHARACTER, codePointName, controlInData } from './control-characters.js';
import { reportError, reportWarning, START_OF_FILE } from './report.js';
import { pointAt } from './rules/control-characters.js';
import { checkNesting } from './rules/too-deep.js';
import { sanitiseBlocks } from './sanitise.js';
import type { Site } from './site.js';
import { cleanSiteUrl } from './site-url.js';
import { SECTION_KINDS, type SectionKind } from './types.js';

const KNOWN_KEYS = [
  'name',
  'short_name',
  'url',
  'address',
  'phone',
  'email',
  'languages',
  'complaints',
  'sections',
  'braille_tables',
  'braille',
  'speech_voices',
  'glossary',
];
const LANGUAGE_CODE = /^[a-z]{2,3}$/;

/**
 * @param knownLanguages languages with a words file (templates/i18n/<lang>.yaml).
 * @returns the site, or undefined when `file` holds errors.
 */
export function readSite(file: VFile, text: string, knownLanguages: ReadonlySet<string>): Site | undefined {
  const control = [...text.matchAll(CONTROL_CHARACTER)][0];
  if (control) {
    reportError(
      file,
      { id: 'site-control-character', params: { char: codePointName(control[0]) } },
      pointAt(text, control.index),
      'control-character',
    );
    return undefined;
  }
  const parsed = parseYaml(text);
  if (!parsed.ok) {
    reportError(
      file,
      { id: 'site-invalid-yaml', params: { error: parsed.error.message } },
      parsed.error.place,
      'invalid-yaml',
    );
    return undefined;
  }
  const { data, positions } = parsed.value;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    reportError(file, { id: 'site-not-map' }, START_OF_FILE, 'site-not-map');
    return undefined;
  }
  const record = data as Record<string, unknown>;
  const escaped = controlInData(record);
  if (escaped) {
    reportError(
      file,
      { id: 'site-control-character-escape', params: { char: codePointName(escaped) } },
      START_OF_FILE,
      'control-character',
    );
    return undefined;
  }
  const at = (key: string) => positions.get(key) ?? START_OF_FILE;
  const text_ = (key: string): string | undefined => {
    const value = record[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value))) {
      const shown = String(value).trim();
      if (HTML_TAG.test(shown)) warnHtml(key, at(key));
      return shown;
    }
    reportError(file, { id: 'site-wrong-type', params: { key } }, at(key), 'wrong-type');
    return undefined;
  };
  const warnHtml = (key: string, place: Parameters<typeof reportError>[2]) =>
    reportWarning(file, { id: 'site-html', params: { key } }, place, 'raw-html');

  for (const key of Object.keys(record).sort()) {
    if (!KNOWN_KEYS.includes(key)) {
      reportWarning(
        file,
        { id: 'site-unknown-key', params: { key, known: KNOWN_KEYS.join(', ') } },
        at(key),
        'unknown-key',
      );
    }
  }

  const name = text_('name');
  if (!name) {
    reportError(file, { id: 'missing-name' }, START_OF_FILE, 'missing-name');
  }
  const url = cleanSiteUrl(text_('url') ?? '');
  if (!url) {
    reportError(file, { id: 'invalid-url' }, at('url'), 'invalid-url');
  }

  const languages = readLanguages(file, record.languages, at('languages'), knownLanguages);
  const complaints = readComplaints(file, record.complaints, at('complaints'), warnHtml);
  const sectionHeadings = readSectionHeadings(file, record.sections, at('sections'));
  const brailleTables = readLanguageMap(file, record.braille_tables, at('braille_tables'), TABLE_NAME, BRAILLE_HELP);
  const speechVoices = readLanguageMap(file, record.speech_voices, at('speech_voices'), VOICE_NAME, VOICE_HELP);
  const glossary = readGlossary(file, record.glossary, at('glossary'));
  const braille = readBraillePaper(file, record.braille, at('braille'));
  if (
    !name ||
    !url ||
    !languages ||
    !complaints ||
    !sectionHeadings ||
    !brailleTables ||
    !speechVoices ||
    !glossary ||
    !braille
  ) {
    return undefined;
  }

  return {
    name,
    shortName: text_('short_name') || name,
    url,
    address: text_('address'),
    phone: text_('phone'),
    email: text_('email'),
    languages,
    complaints,
    sectionHeadings,
    brailleTables,
    ...(braille.value ? { braille: braille.value } : {}),
    speechVoices,
    glossary,
  };
}

/** `glossary: { SIAK: Sistem Informasi Administrasi Kependudukan }`: abbreviations the pages explain. */
function readGlossary(
  file: VFile,
  value: unknown,
  place: Parameters<typeof reportError>[2],
): Record<string, string> | undefined {
  if (value === undefined || value === null) return {};
  const entries = typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : undefined;
  if (
    !entries?.every(
      ([term, expansion]) => term.trim() !== '' && typeof expansion === 'string' && expansion.trim() !== '',
    )
  ) {
    reportError(file, { id: 'glossary-wrong-type' }, place, 'wrong-type');
    return undefined;
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

const BRAILLE_PAPERS = ['a4', 'braille-11x11.5'];

/** `braille: { paper: a4 | braille-11x11.5, cells: 12–60, lines: 4–60 }`, each part optional. */
function readBraillePaper(
  file: VFile,
  value: unknown,
  place: Parameters<typeof reportError>[2],
): { value?: Site['braille'] } | undefined {
  if (value === undefined || value === null) return {};
  const record = typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const whole = (n: unknown, min: number, max: number) =>
    n === undefined || (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max);
  const ok =
    record &&
    Object.keys(record).every((key) => ['paper', 'cells', 'lines'].includes(key)) &&
    (record.paper === undefined || BRAILLE_PAPERS.includes(String(record.paper))) &&
    whole(record.cells, 12, 60) &&
    whole(record.lines, 4, 60);
  if (!ok) {
    reportError(file, { id: 'braille-paper-invalid' }, place, 'wrong-type');
    return undefined;
  }
  const { paper, cells, lines } = record as { paper?: string; cells?: number; lines?: number };
  return {
    value: {
      ...(paper !== undefined ? { paper: String(paper) } : {}),
      ...(cells !== undefined ? { cells } : {}),
      ...(lines !== undefined ? { lines } : {}),
    },
  };
}

const HTML_TAG = /<\/?[a-z!][^>]*>/i;
/** A complaint line is one channel: an address, a phone number, opening hours. */
const MAX_LINE = 1_000;
const TABLE_NAME = /^[\w.-]+$/;
const BRAILLE_HELP = { id: 'braille-tables-wrong-type' };
const VOICE_NAME = /^[a-z]{2,3}(?:[-+][\w-]+)?$/;
const VOICE_HELP = { id: 'speech-voices-wrong-type' };

/** A `{ language: name }` map of site.yaml (braille tables, voices). */
function readLanguageMap(
  file: VFile,
  value: unknown,
  place: Parameters<typeof reportError>[2],
  namePattern: RegExp,
  help: MessageText,
): Record<string, string> | undefined {
  if (value === undefined || value === null) return {};
  const entries = typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : undefined;
  if (
    !entries?.every(([lang, name]) => LANGUAGE_CODE.test(lang) && typeof name === 'string' && namePattern.test(name))
  ) {
    reportError(file, help, place, 'wrong-type');
    return undefined;
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

function readLanguages(
  file: VFile,
  value: unknown,
  place: Parameters<typeof reportError>[2],
  known: ReadonlySet<string>,
): string[] | undefined {
  if (value === undefined || value === null) return ['id'];
  const list = Array.isArray(value) ? value.map(String) : [];
  if (list.length === 0) {
    reportError(file, { id: 'languages-wrong-type' }, place, 'wrong-type');
    return undefined;
  }
  let ok = true;
  for (const lang of list) {
    if (!LANGUAGE_CODE.test(lang)) {
      reportError(file, { id: 'language-code-invalid', params: { lang } }, place, 'unknown-language');
      ok = false;
    } else if (!known.has(lang)) {
      reportError(file, { id: 'language-no-words', params: { lang } }, place, 'unknown-language');
      ok = false;
    }
  }
  return ok ? [...new Set(list)] : undefined;
}

function readComplaints(
  file: VFile,
  value: unknown,
  place: Parameters<typeof reportError>[2],
  warnHtml: (key: string, place: Parameters<typeof reportError>[2]) => void,
): PhrasingContent[][] | undefined {
  if (value === undefined || value === null) return [];
  // One line of text is one channel: writers often put a single channel on the key's own line.
  const entries = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(entries) || entries.some((entry) => typeof entry !== 'string' || entry.length > MAX_LINE)) {
    reportError(file, { id: 'complaints-wrong-type', params: { max: MAX_LINE } }, place, 'wrong-type');
    return undefined;
  }
  if (entries.some((entry: string) => HTML_TAG.test(entry))) warnHtml('complaints', place);
  const lines = entries.map((entry: string) => ({ entry, root: parseMarkdown(entry) }));
  const start = place && 'start' in place ? place.start : place;
  if (!lines.every(({ root }) => checkNesting(file, root, start))) return undefined;
  return lines.map(({ entry, root }) => {
    const [first] = sanitiseBlocks(root.children, { definition: definitions(root), source: entry });
    return first?.type === 'paragraph' ? first.children : [{ type: 'text', value: entry }];
  });
}

function readSectionHeadings(
  file: VFile,
  value: unknown,
  place: Parameters<typeof reportError>[2],
): Site['sectionHeadings'] | undefined {
  if (value === undefined || value === null) return {};
  const problem = () => {
    reportError(file, { id: 'sections-wrong-type', params: { kinds: SECTION_KINDS.join(', ') } }, place, 'wrong-type');
    return undefined;
  };
  if (typeof value !== 'object' || Array.isArray(value)) return problem();
  const result: Site['sectionHeadings'] = {};
  for (const [lang, kinds] of Object.entries(value as Record<string, unknown>)) {
    if (typeof kinds !== 'object' || kinds === null || Array.isArray(kinds)) return problem();
    const headings: Partial<Record<SectionKind, string[]>> = {};
    for (const [kind, names] of Object.entries(kinds)) {
      if (!(SECTION_KINDS as readonly string[]).includes(kind)) return problem();
      headings[kind as SectionKind] = (Array.isArray(names) ? names : [names]).map(String);
    }
    result[lang] = headings;
  }
  return result;
}
