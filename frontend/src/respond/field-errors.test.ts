import type { PublicQuestion } from './api-types';
import { answerErrorMessage, mapProblemErrors } from './field-errors';
import { english, loadDictionary, translator } from './messages';

const questions: PublicQuestion[] = [
  { code: 'q1', kind: 'single_choice', required: true, prompt: 'One', options: [] },
  { code: 'q2', kind: 'number', required: false, prompt: 'Two', min: 0, max: 10, options: [] },
  { code: 'q3', kind: 'text', required: false, prompt: 'Three', max_length: 50, options: [] },
];

describe('server field errors onto the form', () => {
  it('puts answers.<code> and profile.<field> errors on their fields and keeps the rest apart', () => {
    const mapped = mapProblemErrors(
      [
        { field: 'answers.q2', code: 'out_of_range', message: 'must be between 0 and 10' },
        { field: 'answers.q2', code: 'invalid_type', message: 'second error on the same field' },
        { field: 'profile.country', code: 'invalid', message: 'unknown country' },
        { field: 'answers.gone', code: 'unknown_question', message: 'no such question' },
        { field: 'profile.shoe_size', code: 'invalid', message: 'no such field' },
        { field: 'lang', code: 'invalid', message: 'unknown language' },
      ],
      questions,
    );
    expect(mapped.answers).toEqual({ q2: { code: 'out_of_range', message: 'must be between 0 and 10' } });
    expect(mapped.profile).toEqual({ country: 'unknown country' });
    expect(mapped.other.map((e) => e.field)).toEqual(['answers.gone', 'profile.shoe_size', 'lang']);
  });

  it('keeps an unknown error code with the server’s message', () => {
    const mapped = mapProblemErrors([{ field: 'answers.q1', code: 'brand_new', message: 'Server says no' }], questions);
    expect(mapped.answers.q1).toEqual({ code: 'invalid_type', message: 'Server says no' });
  });

  it('words errors in the page’s language with the question’s bounds', async () => {
    const en = translator(english);
    const bn = translator(await loadDictionary('bn'));
    const q2 = questions[1] as PublicQuestion;
    const q3 = questions[2] as PublicQuestion;
    expect(answerErrorMessage(en, { code: 'out_of_range' }, q2)).toBe('Enter a number from 0 to 10.');
    expect(answerErrorMessage(en, { code: 'out_of_range' }, { ...q2, max: null })).toBe(
      'Enter a number of at least 0.',
    );
    expect(answerErrorMessage(en, { code: 'too_long' }, q3)).toBe('Shorten the answer to 50 characters or fewer.');
    expect(answerErrorMessage(bn, { code: 'required' }, q2)).toBe('অনুগ্রহ করে এই প্রশ্নের উত্তর দিন।');
    // Bengali numbers in Bengali digits.
    expect(answerErrorMessage(bn, { code: 'out_of_range' }, q2)).toBe('০ থেকে ১০ পর্যন্ত একটি সংখ্যা লিখুন।');
    expect(answerErrorMessage(translator(await loadDictionary('km')), { code: 'required' }, q2)).toBe(
      'សូមឆ្លើយសំណួរនេះ។',
    );
    // A language without a dictionary falls back to English words.
    const unknown = await loadDictionary('de');
    expect(unknown.lang).toBe('en');
    expect(answerErrorMessage(translator(unknown, 'de'), { code: 'required' }, q2)).toBe('Please answer this question.');
  });
});
