import { promptText } from './prompt-text';

describe('a question prompt', () => {
  it("reads the UI's language, then English, then any", () => {
    expect(promptText({ en: 'Cost?', bn: 'খরচ?' }, 'bn')).toBe('খরচ?');
    expect(promptText({ en: 'Cost?', bn: 'খরচ?' }, 'ne')).toBe('Cost?');
    expect(promptText({ km: 'x' }, 'en')).toBe('x');
    expect(promptText(null, 'en')).toBe('');
  });
});
