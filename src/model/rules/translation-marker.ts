// stale-translation, unreviewed-translation, invalid-source-marker, source-marker-in-original
// (all warnings): tell writers when a translation may no longer match its original.
import { frontMatterData, frontMatterPlace } from '../draft.js';
import { reportWarning, START_OF_FILE } from '../report.js';
import { sourceLanguage } from '../site.js';
import { changedParts, DIGEST_PART_NAMES, parseDigest } from '../source-digest.js';
import type { Rule } from './rule.js';

export const translationMarker: Rule = (draft, { site, sources }) => {
  const marker = frontMatterData(draft)?.source;
  const place = frontMatterPlace(draft, 'source');
  if (draft.lang === sourceLanguage(site)) {
    if (marker !== undefined) {
      reportWarning(
        draft.file,
        '"source" is only for translations; this is an original, so it is ignored. Remove the line.',
        place,
        'source-marker-in-original',
      );
    }
    return;
  }
  const source = sources.get(draft.slug);
  if (!source) return;
  const review = `After checking the translation against the original, run: pelita translations --mark-reviewed ${draft.lang}/${draft.slug}`;
  if (marker === undefined) {
    reportWarning(
      draft.file,
      `This translation has not been marked as reviewed against the original (${source.path}). ${review}`,
      START_OF_FILE,
      'unreviewed-translation',
    );
    return;
  }
  const recorded = parseDigest(String(marker));
  if (!recorded) {
    reportWarning(
      draft.file,
      `"source: ${String(marker)}" is not a marker Pelita wrote. ${review}`,
      place,
      'invalid-source-marker',
    );
    return;
  }
  const changed = changedParts(recorded, source.digest);
  if (changed.length === 0) return;
  reportWarning(
    draft.file,
    `The original (${source.path}) has changed since this translation was reviewed: ${changed.map((part) => DIGEST_PART_NAMES[part]).join('; ')}. Update the translation; its pages say it may be outdated until then. ${review}`,
    place,
    'stale-translation',
  );
};
