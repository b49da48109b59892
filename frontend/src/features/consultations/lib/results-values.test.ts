import { countView, pickText } from './results-values';

describe('reading results', () => {
  it('picks a label in the user’s language, else English, else any', () => {
    expect(pickText({ en: 'Yes', bn: 'হ্যাঁ' }, 'bn')).toBe('হ্যাঁ');
    expect(pickText({ en: 'Yes' }, 'fr')).toBe('Yes');
    expect(pickText({ ne: 'हो' }, 'fr')).toBe('हो');
    expect(pickText(null, 'en')).toBe('');
  });

  it('says withheld instead of zero', () => {
    expect(countView({ count: null, withheld: true, below_k: false })).toEqual({ kind: 'withheld' });
    expect(countView({ count: 0, withheld: false, below_k: true })).toEqual({ kind: 'count', count: 0, belowK: true });
    expect(countView({ count: 12, withheld: false })).toEqual({ kind: 'count', count: 12, belowK: false });
  });
});
