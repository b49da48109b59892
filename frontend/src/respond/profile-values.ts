// The choices of the optional "About your business" section: the South and Southeast Asian countries
// (ISO 3166-1 alpha-3, as the API takes them), the ISIC Rev. 4 sections and the size classes.

import type { Translate } from './messages';

// Named in the page's dictionaries (country.<code>), not by the browser's `Intl.DisplayNames`: many
// phones' browsers have no Khmer, Lao, Sinhala or Dhivehi region names and would answer in English.
export const countryCodes = [
  'AFG', 'BGD', 'BRN', 'BTN', 'IND', 'IDN', 'KHM', 'LAO', 'LKA', 'MDV',
  'MMR', 'MYS', 'NPL', 'PAK', 'PHL', 'SGP', 'THA', 'TLS', 'VNM',
] as const;

/** The countries in the words' language, sorted for it. */
export function countryOptions(t: Translate): { value: string; label: string }[] {
  const collator = new Intl.Collator([t.lang, 'en']);
  return countryCodes
    .map((code) => ({ value: code, label: t(`country.${code}`) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

// The ISIC Rev. 4 sections, named in the dictionaries (sector.<letter>). The wording in languages other
// than English should be reviewed by the delegations before a consultation goes out in them.
export const sectorCodes = [
  'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U',
] as const;

export function sectorOptions(t: Translate): { value: string; label: string }[] {
  return sectorCodes.map((code) => ({ value: code, label: `${code} – ${t(`sector.${code}`)}` }));
}

export const sizeClasses = ['micro', 'small', 'medium'] as const;
export type SizeClass = (typeof sizeClasses)[number];

/** women_led as the form holds it: '' (not answered), or one of these. */
export const womenLedChoices = ['yes', 'no', 'undisclosed'] as const;
export type WomenLedChoice = (typeof womenLedChoices)[number];
