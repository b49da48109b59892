// The page's own words (buttons, states, errors, the profile section, the thank-you screen) in every
// language a consultation may be written in: one dictionary per language in ./locales, reviewed by
// locales.test.ts against English. The questionnaire's text comes from the consultation; these are the
// frame around it.
//
// English is bundled: it is the fallback and the reference the others are checked against. Every other
// dictionary is its own chunk, fetched only when its language is asked for (alongside the form, see
// respond-app.tsx), so a respondent on a slow connection downloads one language's words, not eighteen.
import en from './locales/en.json';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

/** The page's words and the language they are in. */
export type Dictionary = { lang: string; messages: Messages };

export const english: Dictionary = { lang: 'en', messages: en };

const loaders = import.meta.glob<Messages>(['./locales/*.json', '!./locales/en.json'], { import: 'default' });

function loaderFor(lang: string): (() => Promise<Messages>) | undefined {
  return loaders[`./locales/${lang}.json`];
}

/** The language the page's own words are shown in for `lang`: itself when it has a dictionary, else English. */
export function uiLanguage(lang: string): string {
  return loaderFor(lang) ? lang : 'en';
}

const pending = new Map<string, Promise<Dictionary>>();

/**
 * The dictionary for `lang` (English for a language without one). Loaded once per language; a failed
 * download (connection lost, or a new release replaced the chunk) gives English words rather than
 * none, and is not remembered, so the next attempt fetches again.
 */
export function loadDictionary(lang: string): Promise<Dictionary> {
  const code = uiLanguage(lang);
  const load = loaderFor(code);
  if (!load) return Promise.resolve(english);
  let dictionary = pending.get(code);
  if (!dictionary) {
    dictionary = load().then(
      (messages) => ({ lang: code, messages }),
      () => {
        pending.delete(code);
        return english;
      },
    );
    pending.set(code, dictionary);
  }
  return dictionary;
}

export type Translate = ((key: MessageKey, values?: Record<string, string | number>) => string) & {
  /** The language of the words, which differs from the page's when it has no dictionary for it. */
  readonly lang: string;
};

/** A translator for a dictionary; numbers in `{placeholders}` are written as `numberLang` writes them. */
export function translator(dictionary: Dictionary, numberLang: string = dictionary.lang): Translate {
  const numbers = new Intl.NumberFormat(numberLang);
  const translate = (key: MessageKey, values?: Record<string, string | number>) =>
    dictionary.messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values?.[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  return Object.assign(translate, { lang: dictionary.lang });
}
