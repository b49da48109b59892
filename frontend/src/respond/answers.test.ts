import { checkAnswers, emptyProfile, newSubmissionId, parseNumber, profileBody, requestBody } from './answers';
import type { PublicQuestion, QuestionKind } from './api-types';

function question(code: string, kind: QuestionKind, extra: Partial<PublicQuestion> = {}): PublicQuestion {
  return { code, kind, required: false, prompt: code, options: [], ...extra };
}

const options = [
  { id: 'yes', label: 'Yes' },
  { id: 'no', label: 'No' },
  { id: 'maybe', label: 'Maybe' },
];

describe('answer checks mirror the server', () => {
  it('asks for required answers and leaves optional blanks out', () => {
    const questions = [
      question('q1', 'single_choice', { required: true, options }),
      question('q2', 'multi_choice', { required: true, options }),
      question('q3', 'text', { required: true }),
      question('q4', 'number'),
      question('q5', 'text'),
    ];
    const result = checkAnswers(questions, { q2: [], q3: '   ', q4: '', q5: '' });
    expect(result.errors).toEqual({
      q1: { code: 'required' },
      q2: { code: 'required' },
      q3: { code: 'required' },
    });
    expect(result.answers).toEqual({});
  });

  it('accepts only the options offered, once each, in the questionnaire order', () => {
    const questions = [
      question('one', 'single_choice', { options }),
      question('many', 'multi_choice', { options }),
      question('twice', 'multi_choice', { options }),
    ];
    expect(checkAnswers(questions, { one: 'perhaps' }).errors).toEqual({ one: { code: 'invalid_option' } });
    expect(checkAnswers(questions, { twice: ['yes', 'yes'] }).errors).toEqual({ twice: { code: 'duplicate_option' } });
    expect(checkAnswers(questions, { one: 'no', many: ['maybe', 'yes'] })).toEqual({
      answers: { one: 'no', many: ['yes', 'maybe'] },
      errors: {},
    });
  });

  it('keeps scale answers to whole numbers between min and max', () => {
    const scale = question('s', 'scale', { min: 1, max: 5 });
    expect(checkAnswers([scale], { s: 6 }).errors).toEqual({ s: { code: 'out_of_range' } });
    expect(checkAnswers([scale], { s: 2.5 }).errors).toEqual({ s: { code: 'not_integer' } });
    expect(checkAnswers([scale], { s: 0 }).errors).toEqual({ s: { code: 'out_of_range' } });
    expect(checkAnswers([scale], { s: 5 }).answers).toEqual({ s: 5 });
  });

  it('reads typed numbers in the region’s digits and holds them to the bounds', () => {
    const number = question('n', 'number', { min: 0, max: 100 });
    expect(checkAnswers([number], { n: '12,5' }).answers).toEqual({ n: 12.5 });
    expect(checkAnswers([number], { n: '১২' }).answers).toEqual({ n: 12 });
    expect(checkAnswers([number], { n: '१००' }).answers).toEqual({ n: 100 });
    expect(checkAnswers([number], { n: '101' }).errors).toEqual({ n: { code: 'out_of_range' } });
    expect(checkAnswers([number], { n: '-1' }).errors).toEqual({ n: { code: 'out_of_range' } });
    expect(checkAnswers([number], { n: 'twelve' }).errors).toEqual({ n: { code: 'not_number' } });
    expect(checkAnswers([question('free', 'number')], { free: '-3.25' }).answers).toEqual({ free: -3.25 });
  });

  it('parses numbers strictly', () => {
    expect(parseNumber(' 1 000 ')).toBe(1000);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('1e3')).toBeNaN();
    expect(parseNumber('1.2.3')).toBeNaN();
    expect(parseNumber('')).toBeNaN();
  });

  it('counts text length in characters, as the server does, after trimming', () => {
    const text = question('t', 'text', { max_length: 3 });
    expect(checkAnswers([text], { t: '  abc  ' }).answers).toEqual({ t: 'abc' });
    expect(checkAnswers([text], { t: 'abcd' }).errors).toEqual({ t: { code: 'too_long' } });
    // Three emoji are six UTF-16 units but three characters.
    expect(checkAnswers([text], { t: '😀😀😀' }).errors).toEqual({});
    const byDefault = question('d', 'text');
    expect(checkAnswers([byDefault], { d: 'x'.repeat(2001) }).errors).toEqual({ d: { code: 'too_long' } });
  });

  it('sends only the profile fields given, and none for "prefer not to say"', () => {
    expect(profileBody(emptyProfile)).toBeUndefined();
    expect(profileBody({ ...emptyProfile, women_led: 'undisclosed' })).toBeUndefined();
    expect(profileBody({ country: 'BGD', sector: 'C', size_class: 'micro', women_led: 'no' })).toEqual({
      country: 'BGD',
      sector: 'C',
      size_class: 'micro',
      women_led: false,
    });
    expect(requestBody('bn', { q1: 'yes' }, { ...emptyProfile, women_led: 'yes' })).toEqual({
      lang: 'bn',
      answers: { q1: 'yes' },
      profile: { women_led: true },
    });
    expect(requestBody('en', {}, emptyProfile)).toEqual({ lang: 'en', answers: {} });
  });
});

describe('newSubmissionId', () => {
  it('makes a version 4 UUID from random bytes', () => {
    const id = newSubmissionId((b) => b.fill(0xff));
    expect(id).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(newSubmissionId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('goes into the request body when given', () => {
    expect(requestBody('bn', { q1: 'yes' }, emptyProfile, 'abc').submission_id).toBe('abc');
  });
});
