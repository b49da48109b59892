import i18n from '@/lib/i18n';

import { consultationFieldLabels, questionFieldLabel, wordedErrors } from './consultation-field-labels';

const t = i18n.t.bind(i18n);

describe('consultation fields named for people', () => {
  it('names the parts of a question, each translation with its language', () => {
    expect(questionFieldLabel(t, 'questions[0].prompt.bn')).toBe('Question (Bengali)');
    expect(questionFieldLabel(t, 'questions[0].prompt')).toBe('Question (English)');
    expect(questionFieldLabel(t, 'questions[2].options[1].label.ne')).toBe('Option 2 (Nepali)');
    expect(questionFieldLabel(t, 'questions[2].options[1].id')).toBe('Option 2');
    expect(questionFieldLabel(t, 'questions[3].min_label.km')).toBe('Label of the lowest value (Khmer)');
    expect(questionFieldLabel(t, 'questions[3].code')).toBe('Code');
    expect(questionFieldLabel(t, 'questions[3]')).toBe('Question 4');
    expect(questionFieldLabel(t, 'closes_at')).toBeUndefined();
  });

  it("names the consultation's own fields as the create form labels them", () => {
    const labels = consultationFieldLabels(t);
    if (typeof labels !== 'function') throw new Error('expected a function');
    expect(labels('delegation_id')).toBe('Owner');
    expect(labels('closes_at')).toBe('Closes');
  });

  it('words server errors for the builder from their codes', () => {
    expect(
      wordedErrors(t, [
        { field: 'questions[0].options[1].label.bn', code: 'missing_translation', message: 'needs this translation' },
        { field: 'questions', code: 'required', message: 'needs at least one question before opening' },
      ]).map((e) => e.message),
    ).toEqual(['Option 2 (Bengali) still needs a translation.', 'Questionnaire is required.']);
  });
});
