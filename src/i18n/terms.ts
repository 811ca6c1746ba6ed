// The fixed list of words Pelita itself prints. Their text lives in
// templates/i18n/<lang>.yaml, never in code.
export const TERMS = [
  'skip_to_content',
  'site_navigation',
  'all_services',
  'other_languages',
  'service_facts',
  'duration',
  'cost',
  'product',
  'unit',
  'updated',
  'requirements',
  'steps',
  'legal_basis',
  'complaints',
  'complaints_default',
  'notes',
  'on_this_page',
  'other_editions',
  'contact',
  'address',
  'phone',
  'email',
  'index_title',
  'index_intro',
  'services_in_language',
  'other_services',
  'catalog_link',
  'table',
] as const;

export type Term = (typeof TERMS)[number];
