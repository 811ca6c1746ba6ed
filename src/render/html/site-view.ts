// What every standalone page shows of the site (its banner and contact footer).
import type { Site } from '../../model/site.js';

export function siteView(site: Site) {
  return {
    name: site.name,
    shortName: site.shortName,
    url: site.url,
    address: site.address ?? '',
    phone: site.phone ?? '',
    phoneHref: (site.phone ?? '').replace(/[^\d+]/g, ''),
    email: site.email ?? '',
  };
}
