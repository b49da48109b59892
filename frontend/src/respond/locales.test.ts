// The review rule for the page's dictionaries (./locales/<lang>.json): one per language a consultation
// may be written in, each with exactly English's keys, no empty text, and every {placeholder} of the
// English sentence kept (a lost {max} would tell a respondent a limit without its number).
import { languageNames } from './languages';
import type { Messages } from './messages';

const files = import.meta.glob<Messages>('./locales/*.json', { eager: true, import: 'default' });
const locales = Object.fromEntries(
  Object.entries(files).map(([file, messages]) => [/\/(\w+)\.json$/.exec(file)?.[1] ?? file, messages]),
);
const english = locales.en as Record<string, string>;
const others = Object.entries(locales).filter(([lang]) => lang !== 'en') as [string, Record<string, string>][];

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the public page’s dictionaries', () => {
  it('exist for every language a consultation may use, and for no other', () => {
    expect(Object.keys(locales).sort()).toEqual(Object.keys(languageNames).sort());
  });

  it.each(others)('%s has every English key and no other', (_lang, messages) => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(Object.entries(locales))('%s has no empty or padded text', (_lang, messages) => {
    const bad = Object.entries(messages as Record<string, string>)
      .filter(([, text]) => typeof text !== 'string' || text.trim() === '' || text !== text.trim())
      .map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it.each(others)('%s keeps the placeholders of every English sentence', (_lang, messages) => {
    const lost = Object.entries(english)
      .filter(([key, text]) => {
        const translated = messages[key];
        return translated !== undefined && placeholders(translated).join() !== placeholders(text).join();
      })
      .map(([key]) => key);
    expect(lost).toEqual([]);
  });
});
