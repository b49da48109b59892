import type { PublicQuestion } from './api-types';
import { summaryItems } from './error-summary';
import { english, translator } from './messages';

const questions: PublicQuestion[] = [
  { code: 'q1', kind: 'single_choice', required: true, prompt: 'One', options: [] },
  { code: 'q2', kind: 'number', required: false, prompt: 'Two', min: 0, max: 10, options: [] },
];

describe('the error summary', () => {
  it('lists problems in page order — questions, the profile, then the rest — each linked to its input', () => {
    const items = summaryItems(translator(english), questions, {
      answers: { q2: { code: 'out_of_range' }, q1: { code: 'required' } },
      profile: { sector: 'unknown sector', country: 'unknown country' },
      other: [{ field: 'lang', code: 'invalid', message: 'unknown language' }],
    });
    expect(items).toEqual([
      { label: 'One', message: 'Please answer this question.', target: 'q-q1' },
      { label: 'Two', message: 'Enter a number from 0 to 10.', target: 'q-q2' },
      { label: 'Country', message: 'unknown country', target: 'profile-country' },
      { label: 'Main activity', message: 'unknown sector', target: 'profile-sector' },
      { message: 'unknown language' },
    ]);
  });
});
