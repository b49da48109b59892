// The choices of the optional "About your business" section: the South and Southeast Asian countries
// (ISO 3166-1 alpha-3, as the API takes them), the ISIC Rev. 4 sections and the size classes.

import type { UiLanguage } from './messages';

/** alpha-3 → [alpha-2 (for the browser's own country names), English name (when it has none)]. */
const countries: Record<string, [string, string]> = {
  AFG: ['AF', 'Afghanistan'],
  BGD: ['BD', 'Bangladesh'],
  BRN: ['BN', 'Brunei Darussalam'],
  BTN: ['BT', 'Bhutan'],
  IND: ['IN', 'India'],
  IDN: ['ID', 'Indonesia'],
  KHM: ['KH', 'Cambodia'],
  LAO: ['LA', 'Lao PDR'],
  LKA: ['LK', 'Sri Lanka'],
  MDV: ['MV', 'Maldives'],
  MMR: ['MM', 'Myanmar'],
  MYS: ['MY', 'Malaysia'],
  NPL: ['NP', 'Nepal'],
  PAK: ['PK', 'Pakistan'],
  PHL: ['PH', 'Philippines'],
  SGP: ['SG', 'Singapore'],
  THA: ['TH', 'Thailand'],
  TLS: ['TL', 'Timor-Leste'],
  VNM: ['VN', 'Viet Nam'],
};

export const countryCodes = Object.keys(countries);

/** The countries named in `lang` (by the browser's Intl data when it has them), sorted for that language. */
export function countryOptions(lang: string): { value: string; label: string }[] {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([lang, 'en'], { type: 'region' });
  } catch {
    names = undefined;
  }
  const collator = new Intl.Collator([lang, 'en']);
  return countryCodes
    .map((code) => {
      const [alpha2, english] = countries[code] ?? ['', code];
      return { value: code, label: names?.of(alpha2) ?? english };
    })
    .sort((a, b) => collator.compare(a.label, b.label));
}

export const sectorCodes = 'ABCDEFGHIJKLMNOPQRSTU'.split('');

// Short names of the ISIC Rev. 4 sections. The Bengali and Nepali wording should be reviewed by the
// delegations before a consultation goes out in those languages.
const sectorNames: Record<UiLanguage, readonly string[]> = {
  en: [
    'Agriculture, forestry and fishing',
    'Mining and quarrying',
    'Manufacturing',
    'Electricity and gas',
    'Water, sewerage and waste',
    'Construction',
    'Wholesale and retail trade',
    'Transport and storage',
    'Accommodation and food services',
    'Information and communication',
    'Finance and insurance',
    'Real estate',
    'Professional, scientific and technical services',
    'Administrative and support services',
    'Public administration and defence',
    'Education',
    'Health and social work',
    'Arts, entertainment and recreation',
    'Other services',
    'Households as employers',
    'Extraterritorial organisations',
  ],
  bn: [
    'কৃষি, বনায়ন ও মৎস্য',
    'খনি ও খনন',
    'উৎপাদন (ম্যানুফ্যাকচারিং)',
    'বিদ্যুৎ ও গ্যাস',
    'পানি, পয়ঃনিষ্কাশন ও বর্জ্য ব্যবস্থাপনা',
    'নির্মাণ',
    'পাইকারি ও খুচরা ব্যবসা',
    'পরিবহন ও সংরক্ষণ',
    'আবাসন ও খাদ্য সেবা',
    'তথ্য ও যোগাযোগ',
    'অর্থ ও বীমা',
    'রিয়েল এস্টেট',
    'পেশাগত, বৈজ্ঞানিক ও কারিগরি সেবা',
    'প্রশাসনিক ও সহায়ক সেবা',
    'জনপ্রশাসন ও প্রতিরক্ষা',
    'শিক্ষা',
    'স্বাস্থ্য ও সমাজকল্যাণ',
    'শিল্পকলা, বিনোদন ও অবসর',
    'অন্যান্য সেবা',
    'নিয়োগকারী হিসেবে গৃহস্থালি',
    'বহির্দেশীয় সংস্থা',
  ],
  ne: [
    'कृषि, वन तथा मत्स्य',
    'खानी तथा उत्खनन',
    'उत्पादन (म्यानुफ्याक्चरिङ)',
    'बिजुली तथा ग्यास',
    'खानेपानी, ढल तथा फोहोर व्यवस्थापन',
    'निर्माण',
    'थोक तथा खुद्रा व्यापार',
    'यातायात तथा भण्डारण',
    'आवास तथा खाद्य सेवा',
    'सूचना तथा सञ्चार',
    'वित्त तथा बीमा',
    'घरजग्गा',
    'पेशागत, वैज्ञानिक तथा प्राविधिक सेवा',
    'प्रशासनिक तथा सहयोगी सेवा',
    'सार्वजनिक प्रशासन तथा रक्षा',
    'शिक्षा',
    'स्वास्थ्य तथा सामाजिक कार्य',
    'कला, मनोरञ्जन तथा मनोविनोद',
    'अन्य सेवा',
    'रोजगारदाताका रूपमा घरपरिवार',
    'राज्यक्षेत्रबाहिरका संस्था',
  ],
};

export function sectorOptions(lang: UiLanguage): { value: string; label: string }[] {
  const names = sectorNames[lang];
  return sectorCodes.map((code, index) => ({ value: code, label: `${code} – ${names[index] ?? code}` }));
}

export const sizeClasses = ['micro', 'small', 'medium'] as const;
export type SizeClass = (typeof sizeClasses)[number];

/** women_led as the form holds it: '' (not answered), or one of these. */
export const womenLedChoices = ['yes', 'no', 'undisclosed'] as const;
export type WomenLedChoice = (typeof womenLedChoices)[number];
