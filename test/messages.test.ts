// Message catalogues: the same ids and placeholders in every language, every id the code
// uses is in them, and every rule id has its page in docs/rules/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatMessage, placeholders } from '../src/i18n/messages.js';
import { RULE_IDS } from '../src/model/rule-ids.js';
import { loadCatalogue } from '../src/pipeline/load-templates.js';
import { REPO } from './support/fixtures.js';

const catalogue = (lang: string) =>
  parse(readFileSync(join(REPO, 'templates/i18n/messages', `${lang}.yaml`), 'utf8')) as Record<string, string>;

/** Ids the code names literally (`id: 'x'`), plus those it builds from a fixed list. */
function idsInCode(): string[] {
  const ids = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'render' && entry.name !== 'outline') walk(path); // section and node ids, not message ids
      } else if (path.endsWith('.ts')) {
        for (const match of readFileSync(path, 'utf8').matchAll(/\bid: '([a-z][a-z-]*)'/g)) ids.add(match[1] ?? '');
        for (const match of readFileSync(path, 'utf8').matchAll(/formatMessage\(catalogue, \{ id: '([a-z-]+)'/g))
          ids.add(match[1] ?? '');
      }
    }
  };
  walk(join(REPO, 'src'));
  for (const kind of ['requirements', 'steps']) {
    ids.add(`missing-${kind}`).add(`empty-list-${kind}`).add(`extra-list-${kind}`);
    ids.add(`translation-item-count-${kind}`);
  }
  for (const key of ['title', 'summary', 'duration', 'cost', 'product', 'updated']) ids.add(`key-${key}`);
  return [...ids].sort();
}

describe('message catalogues', () => {
  const id = catalogue('id');
  const en = catalogue('en');

  it('have the same ids in Indonesian and English', () => {
    expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort());
  });

  it('have the same placeholders for each id', () => {
    for (const key of Object.keys(id)) expect(placeholders(en[key] ?? ''), key).toEqual(placeholders(id[key] ?? ''));
  });

  it('hold every message id the code uses', () => {
    for (const used of idsInCode()) {
      expect(id[used], `${used} in id.yaml`).toBeTypeOf('string');
      expect(en[used], `${used} in en.yaml`).toBeTypeOf('string');
    }
  });

  it('fill placeholders, nested messages and lists', async () => {
    const words = await loadCatalogue('id');
    expect(
      formatMessage(words, {
        id: 'stale-translation',
        params: { original: 'id/a.md', parts: [{ id: 'part-steps' }, { id: 'part-notes' }], command: 'x' },
      }),
    ).toContain('diperiksa: langkah; catatan.');
    expect(formatMessage(words, { id: 'no-such-id', fallback: 'as is' })).toBe('as is');
  });
});

describe('docs/rules', () => {
  it('has a page with an Indonesian and an English section for every rule id', () => {
    for (const rule of RULE_IDS) {
      const path = join(REPO, 'docs/rules', `${rule}.md`);
      expect(existsSync(path), path).toBe(true);
      const page = readFileSync(path, 'utf8');
      expect(page, rule).toContain(`# ${rule}\n`);
      expect(page, rule).toContain('## Bahasa Indonesia');
      expect(page, rule).toContain('## English');
    }
  });
});
