// Every validation rule, in the order their messages read best.
import { complaints } from './complaints.js';
import { controlCharacters } from './control-characters.js';
import { duplicateSections } from './duplicate-sections.js';
import { frontMatterYaml } from './front-matter-yaml.js';
import { headingLevel } from './heading-level.js';
import { invisibleText } from './invisible-text.js';
import { keyTypes } from './key-types.js';
import { language } from './language.js';
import { pictogramCaptions } from './pictogram-captions.js';
import { pictogramIds } from './pictogram-ids.js';
import { rawHtml } from './raw-html.js';
import { requiredKeys } from './required-keys.js';
import { requiredSections } from './required-sections.js';
import type { Rule } from './rule.js';
import { sectionLists } from './section-lists.js';
import { slug } from './slug.js';
import { summaryLength } from './summary-length.js';
import { translationCounts } from './translation-counts.js';
import { translationFacts } from './translation-facts.js';
import { translationMarker } from './translation-marker.js';
import { translationSource } from './translation-source.js';
import { unknownKeys } from './unknown-keys.js';
import { unsafeLinks } from './unsafe-links.js';
import { updatedDate } from './updated-date.js';

export const ALL_RULES: readonly Rule[] = [
  slug,
  controlCharacters,
  language,
  translationSource,
  frontMatterYaml,
  requiredKeys,
  keyTypes,
  invisibleText,
  updatedDate,
  unknownKeys,
  summaryLength,
  headingLevel,
  requiredSections,
  duplicateSections,
  sectionLists,
  complaints,
  rawHtml,
  unsafeLinks,
  translationFacts,
  translationCounts,
  translationMarker,
  pictogramIds,
  pictogramCaptions,
];
