// The market groups an impediment's partner may be besides a country. The server's `PARTNER_GROUPS`
// (crates/domain/src/impediment.rs) is the rule; the API does not list the groups, so this is the one
// place the SPA names them, and a test fails when the two lists differ.
import type { TFunction } from 'i18next';

export const partnerGroups = ['EU', 'ASEAN', 'GCC', 'EAEU', 'MERCOSUR', 'SACU', 'WORLD'] as const;
export type PartnerGroup = (typeof partnerGroups)[number];

export function isPartnerGroup(code: string): code is PartnerGroup {
  return partnerGroups.some((group) => group === code);
}

/** "European Union" for `EU`. */
export function partnerGroupName(t: TFunction, group: PartnerGroup): string {
  return t(`reference.partnerGroup.${group}`);
}
