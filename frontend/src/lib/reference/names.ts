// How a code reads with its name, everywhere: "Viet Nam (VNM)", "European Union (EU)",
// "C — Manufacturing", "A — Sanitary and phytosanitary measures", "PO-INFO — Information…",
// "A14 — Sanitary and phytosanitary measures (finer code in chapter A)", "Bangladesh (BGD)",
// "FISH — Fisheries subsidies". A code the reference data does not know (yet) reads as itself.
import type { TFunction } from 'i18next';

import { isPartnerGroup, partnerGroupName } from './partner-groups';
import type { Country, Delegation, NtmCategory, Sector, TopicSummary } from './queries';

export type ReferenceData = {
  countries?: readonly Country[];
  sectors?: readonly Sector[];
  ntmCategories?: readonly NtmCategory[];
  delegations?: readonly Delegation[];
  topics?: readonly TopicSummary[];
};

export type Names = {
  /** An ISO alpha-3 country: "Viet Nam (VNM)". */
  country: (code: string) => string;
  /** A partner market, a country or a group: "European Union (EU)". */
  partner: (code: string) => string;
  /** An ISIC section: "C — Manufacturing". */
  sector: (code: string) => string;
  /** An NTM chapter, procedural group or finer MAST code. */
  ntm: (code: string) => string;
  /** A delegation by id: "Bangladesh (BGD)". */
  delegation: (id: string) => string;
  /** A topic by id or code: "FISH — Fisheries subsidies". */
  topic: (idOrCode: string) => string;
};

export type NameKind = keyof Names;

function index<T>(items: readonly T[] | undefined, key: (item: T) => string): Map<string, T> {
  return new Map((items ?? []).map((item) => [key(item), item]));
}

export function buildNames(data: ReferenceData, t: TFunction): Names {
  const countries = index(data.countries, (c) => c.code);
  const sectors = index(data.sectors, (s) => s.code);
  const ntm = index(data.ntmCategories, (c) => c.code);
  const delegations = index(data.delegations, (d) => d.id);
  const topicsById = index(data.topics, (topic) => topic.id);
  const topicsByCode = index(data.topics, (topic) => topic.code);

  const country = (code: string) => {
    const found = countries.get(code);
    return found ? `${found.name} (${code})` : code;
  };

  return {
    country,
    partner: (code) => (isPartnerGroup(code) ? `${partnerGroupName(t, code)} (${code})` : country(code)),
    sector: (code) => {
      const found = sectors.get(code);
      return found ? `${code} — ${found.title}` : code;
    },
    ntm: (code) => {
      const found = ntm.get(code);
      if (found) return `${code} — ${found.title}`;
      // A finer MAST code (A14) is named by its chapter, the finest level the reference data has.
      const chapter = /^([A-Z])\d+$/.exec(code)?.[1];
      const parent = chapter ? ntm.get(chapter) : undefined;
      return parent ? t('reference.ntmFinerCode', { code, title: parent.title, chapter: parent.code }) : code;
    },
    delegation: (id) => {
      const found = delegations.get(id);
      return found ? `${found.name} (${found.country_code})` : id;
    },
    topic: (idOrCode) => {
      const found = topicsById.get(idOrCode) ?? topicsByCode.get(idOrCode);
      return found ? `${found.code} — ${found.title}` : idOrCode;
    },
  };
}
