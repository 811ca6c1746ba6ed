// `pelita translations` (alias `status`): which procedures are translated, missing or
// stale per language, and `--mark-reviewed` to record a translator's review.

import { type Catalogue, formatMessage } from '../i18n/messages.js';
import { digestProcedure, formatDigest } from '../model/source-digest.js';
import { type TranslationStatus, translationReport } from '../model/translation-report.js';
import { checkContent, type Folders } from '../pipeline/build.js';
import { writeSourceMarker } from '../pipeline/mark-reviewed.js';
import { formatFile } from './reporter.js';

const LABELS: Record<TranslationStatus, string> = {
  current: 'up to date',
  stale: 'stale',
  unmarked: 'not reviewed',
  missing: 'missing',
  'has-errors': 'has errors',
};

/** Prints the status of every translation; returns the exit code. */
export async function printTranslationStatus(folders: Folders, catalogue: Catalogue): Promise<number> {
  const { site, checked, templates, files } = await checkContent(folders);
  if (!site) {
    for (const file of files) for (const line of formatFile(file, { catalogue })) console.error(line);
    return 1;
  }
  for (const { lang, rows } of translationReport(checked, site)) {
    const count = (status: TranslationStatus) => rows.filter((row) => row.status === status).length;
    const name = templates.words.get(lang)?.languageName ?? lang;
    const translated = rows.length - count('missing');
    console.log(
      `${lang} (${name}): ${translated} of ${rows.length} translated: ${count('current')} up to date, ${count('stale')} stale, ${count('unmarked')} not reviewed, ${count('has-errors')} with errors`,
    );
    for (const row of rows) {
      const changed =
        row.changed.length > 0
          ? `  changed: ${row.changed.map((part) => formatMessage(catalogue, { id: `part-${part}` })).join('; ')}`
          : '';
      console.log(`  ${LABELS[row.status].padEnd(13)} ${lang}/${row.slug}${changed}`);
    }
  }
  return 0;
}

/** Records, for each `lang/slug`, that the translation was reviewed against the current original. */
export async function markReviewed(folders: Folders, targets: string[], catalogue: Catalogue): Promise<number> {
  const { site, checked } = await checkContent(folders);
  if (!site) return printTranslationStatus(folders, catalogue);
  let failures = 0;
  for (const target of targets) {
    const [lang = '', slug = ''] = target.replace(/\.md$/, '').split('/');
    const original = checked.find((doc) => doc.source === `${site.languages[0]}/${slug}.md`)?.procedure;
    const translation = checked.find((doc) => doc.source === `${lang}/${slug}.md`);
    const problem = !translation
      ? `there is no translation ${lang}/${slug}.md`
      : lang === site.languages[0]
        ? `${lang}/${slug}.md is an original, not a translation`
        : !original
          ? `its original ${site.languages[0]}/${slug}.md has errors; fix them first (pelita check)`
          : undefined;
    if (problem || !original) {
      console.error(`pelita: cannot mark ${target} as reviewed: ${problem}.`);
      failures++;
      continue;
    }
    await writeSourceMarker(folders.contentDir, `${lang}/${slug}.md`, formatDigest(digestProcedure(original)));
    console.log(`marked ${lang}/${slug} as reviewed against ${site.languages[0]}/${slug}`);
  }
  return failures > 0 ? 1 : 0;
}
