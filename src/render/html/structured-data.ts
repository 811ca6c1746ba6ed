// schema.org JSON-LD for a procedure page: a GovernmentService, so search engines and
// portals find the service, its office, cost and languages. Typed with schema-dts (the
// schema.org vocabulary as TypeScript), and checked against that vocabulary in tests.
import type { GovernmentService, WithContext } from 'schema-dts';
import type { Site } from '../../model/site.js';
import type { Outline } from '../../outline/types.js';

export function governmentService(
  outline: Outline,
  site: Site,
  url: string,
  languages: readonly string[],
): WithContext<GovernmentService> {
  const fact = (id: string) => outline.facts.find((candidate) => candidate.id === id)?.value ?? '';
  const cost = fact('cost');
  const product = fact('product');
  const processingTime = isoDays(fact('duration'));
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: outline.title.text,
    description: outline.summary.text,
    url,
    ...(outline.unit ? { serviceType: outline.unit.text } : {}),
    provider: {
      '@type': 'GovernmentOrganization',
      name: site.name,
      alternateName: site.shortName,
      url: site.url,
      ...(site.address ? { address: { '@type': 'PostalAddress', streetAddress: site.address } } : {}),
      ...(site.phone ? { telephone: site.phone } : {}),
      ...(site.email ? { email: site.email } : {}),
    },
    ...(cost
      ? { offers: { '@type': 'Offer', description: cost, ...(isFree(cost) ? { price: 0, priceCurrency: 'IDR' } : {}) } }
      : {}),
    ...(product ? { produces: { '@type': 'Thing', name: product } } : {}),
    availableChannel: {
      '@type': 'ServiceChannel',
      serviceUrl: url,
      availableLanguage: languages.map((lang) => ({ '@type': 'Language', alternateName: lang })),
      ...(processingTime ? { processingTime } : {}),
    },
    mainEntityOfPage: { '@type': 'WebPage', '@id': url, dateModified: outline.updated.iso, inLanguage: outline.lang },
  };
}

/** "Gratis", "Tanpa biaya", "Free": the offer's price is 0. Anything else stays text only. */
function isFree(cost: string): boolean {
  return /^(gratis|free|tanpa (biaya|ragad)|tidak dipungut biaya)\.?$/i.test(cost.trim());
}

/**
 * "3 hari" → P3D. Working days ("3 hari kerja") have no ISO 8601 form, so they are left out
 * rather than published as calendar days; the page itself always shows the writer's text.
 */
function isoDays(duration: string): string | undefined {
  const match = /^(\d+) (hari|dinten|days?)$/i.exec(duration.trim());
  return match ? `P${match[1]}D` : undefined;
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the element. */
export function jsonLdScript(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
