// The languages a consultation may offer, each named in itself (a respondent looks for their own
// language's name, not its English one), and which of them are written right to left.

export const languageNames: Record<string, string> = {
  en: 'English',
  bn: 'বাংলা',
  ne: 'नेपाली',
  si: 'සිංහල',
  ta: 'தமிழ்',
  ur: 'اردو',
  hi: 'हिन्दी',
  dv: 'ދިވެހި',
  km: 'ខ្មែរ',
  lo: 'ລາວ',
  my: 'မြန်မာ',
  th: 'ไทย',
  vi: 'Tiếng Việt',
  id: 'Bahasa Indonesia',
  ms: 'Bahasa Melayu',
  fil: 'Filipino',
  tet: 'Tetun',
  zh: '中文',
};

const rightToLeft = new Set(['ur', 'dv']);

export function languageName(code: string): string {
  return languageNames[code] ?? code;
}

export function textDirection(code: string): 'rtl' | 'ltr' {
  return rightToLeft.has(code) ? 'rtl' : 'ltr';
}

/** The primary subtag of a BCP-47 tag, lower-cased: `bn-BD` → `bn`. Empty for nothing usable. */
export function primarySubtag(tag: string | null | undefined): string {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : '';
}

/**
 * The language to ask the server for: `?lang=` of the page's address, else the browser's language,
 * else English. The server answers in English when the consultation lacks the language asked for.
 */
export function requestedLanguage(search: string, browserLanguage: string | undefined): string {
  return primarySubtag(new URLSearchParams(search).get('lang')) || primarySubtag(browserLanguage) || 'en';
}

/**
 * Whether this browser's `Intl` has data for `lang`. Many phones' browsers, and Debian's Chromium, lack
 * Khmer, Lao, Dhivehi, Tetum and others, and `Intl` then quietly answers in English: a caller checks
 * first and writes a date or a delay another way.
 */
export function intlKnows(lang: string, api: { supportedLocalesOf(locales: string[]): string[] }): boolean {
  try {
    return api.supportedLocalesOf([lang]).length > 0;
  } catch {
    return false;
  }
}

/** Sets `<html lang dir>` so the browser picks fonts, hyphenation and layout direction for the language. */
export function applyDocumentLanguage(code: string): void {
  document.documentElement.lang = code;
  document.documentElement.dir = textDirection(code);
}

/** `lang` and `dir` for the page's own words when they are in another language than the questionnaire. */
export function frameAttributes(frameLang: string | undefined): { lang?: string; dir?: 'rtl' | 'ltr' } {
  return frameLang ? { lang: frameLang, dir: textDirection(frameLang) } : {};
}
