// stale-translation, unreviewed-translation, invalid-source-marker, source-marker-in-original
// (all warnings): tell writers when a translation may no longer match its original.
import { frontMatterData, frontMatterPlace } from '../draft.js';
import { reportWarning, START_OF_FILE } from '../report.js';
import { sourceLanguage } from '../site.js';
import { changedParts, parseDigest } from '../source-digest.js';
import type { Rule } from './rule.js';

export const translationMarker: Rule = (draft, { site, sources }) => {
  const marker = frontMatterData(draft)?.source;
  const place = frontMatterPlace(draft, 'source');
  if (draft.lang === sourceLanguage(site)) {
    if (marker !== undefined) {
      reportWarning(draft.file, { id: 'source-marker-in-original' }, place, 'source-marker-in-original');
    }
    return;
  }
  const source = sources.get(draft.slug);
  if (!source) return;
  const command = `pelita translations --mark-reviewed ${draft.lang}/${draft.slug}`;
  if (marker === undefined) {
    reportWarning(
      draft.file,
      { id: 'unreviewed-translation', params: { original: source.path, command } },
      START_OF_FILE,
      'unreviewed-translation',
    );
    return;
  }
  const recorded = parseDigest(String(marker));
  if (!recorded) {
    reportWarning(
      draft.file,
      { id: 'invalid-source-marker', params: { marker: String(marker), command } },
      place,
      'invalid-source-marker',
    );
    return;
  }
  const changed = changedParts(recorded, source.digest);
  if (changed.length === 0) return;
  reportWarning(
    draft.file,
    {
      id: 'stale-translation',
      params: { original: source.path, parts: changed.map((part) => ({ id: `part-${part}` })), command },
    },
    place,
    'stale-translation',
  );
};
