import { aboutSentences, estimatedMinutes } from './about';
import { english, loadDictionary, translator } from './messages';

describe('the page’s introduction', () => {
  it('estimates about 30 seconds a question, rounded up to whole minutes, at least one', () => {
    expect([0, 1, 2, 3, 4, 21].map(estimatedMinutes)).toEqual([1, 1, 1, 2, 2, 11]);
  });

  it('names the owning delegation in the page’s words, or the secretariat for a regional consultation', async () => {
    const t = translator(english);
    expect(aboutSentences(t, { asked_by: 'Nepal', asked_by_country: 'NPL' }, 12)).toEqual([
      'Asked by Nepal.',
      'Takes about 6 minutes.',
      'Answers are only shown combined: small groups are never shown, and anonymous answers stay anonymous.',
    ]);
    expect(aboutSentences(t, { asked_by: null }, 2).slice(0, 2)).toEqual([
      'Asked by the regional secretariat.',
      'Takes about 1 minute.',
    ]);
    const bn = translator(await loadDictionary('bn'));
    expect(aboutSentences(bn, { asked_by: 'Nepal', asked_by_country: 'NPL' }, 1)[0]).toBe('জিজ্ঞাসা করছে: নেপাল।');
    // A country the dictionary does not name: the delegation's own name.
    expect(aboutSentences(bn, { asked_by: 'Atlantis', asked_by_country: 'ATL' }, 1)[0]).toBe('জিজ্ঞাসা করছে: Atlantis।');
  });
});
