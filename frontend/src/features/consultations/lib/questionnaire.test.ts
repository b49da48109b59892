import { checkQuestionnaire } from './check-questionnaire';
import type { Question } from './consultation-values';
import {
  addOption,
  builderErrorsFrom,
  freeCode,
  fromDraft,
  missingTranslations,
  move,
  newQuestion,
  questionLevelErrors,
  toDraft,
  withKind,
} from './questionnaire';

const questions: Question[] = [
  {
    code: 'exports',
    kind: 'single_choice',
    required: true,
    prompt: { en: 'Do you export?', bn: 'আপনি কি রপ্তানি করেন?' },
    options: [
      { id: 'yes', label: { en: 'Yes', bn: 'হ্যাঁ' } },
      { id: 'no', label: { en: 'No' } },
    ],
  },
  {
    code: 'ease',
    kind: 'scale',
    required: false,
    prompt: { en: 'How easy?' },
    min: 1,
    max: 5,
    max_label: { en: 'Easy' },
  },
];

describe('the questionnaire builder model', () => {
  it('round-trips questions and drops what other kinds do not use', () => {
    const drafts = toDraft(questions);
    expect(drafts[0]?.key).toBeTruthy();
    expect(fromDraft(drafts)).toEqual([
      { ...questions[0], topic_id: null },
      { ...questions[1], topic_id: null, min_label: null },
    ]);
    const [, scale] = drafts;
    if (!scale) throw new Error('no second question');
    const asText = withKind(scale, 'text');
    expect(fromDraft([asText])[0]).toEqual({
      code: 'ease',
      kind: 'text',
      required: false,
      prompt: { en: 'How easy?' },
      topic_id: null,
      max_length: 2000,
    });
  });

  it('gives new questions a free code and what their kind needs', () => {
    const drafts = toDraft(questions);
    expect(freeCode('q', ['q1', 'q3'])).toBe('q4');
    const choice = newQuestion('multi_choice', drafts);
    expect(choice.code).toBe('q3');
    expect(choice.options.map((o) => o.id)).toEqual(['option_1', 'option_2']);
    expect(newQuestion('scale', drafts)).toMatchObject({ min: 1, max: 5 });
    expect(addOption(choice).options.map((o) => o.id)).toEqual(['option_1', 'option_2', 'option_3']);
  });

  it('moves items up and down and stays put at the ends', () => {
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('lists the translations a language still lacks, by the server’s field names', () => {
    const drafts = toDraft(questions);
    expect(missingTranslations(drafts, 'bn')).toEqual([
      'questions[0].options[1].label.bn',
      'questions[1].prompt.bn',
      'questions[1].max_label.bn',
    ]);
    expect(missingTranslations(drafts, 'en')).toEqual([]);
  });

  it('puts server errors on the builder’s inputs or its cards, and the rest above it', () => {
    const { fields, other } = builderErrorsFrom([
      { field: 'questions[0].options[1].label.bn', message: 'missing' },
      { field: 'questions[1].code', message: 'Code is used more than once.' },
      { field: 'questions[1].code', message: 'Code is not in the expected format.' },
      { field: 'questions[1].options', message: 'at least 2' },
      { field: 'questions', message: 'at least one question' },
    ]);
    expect(fields).toEqual({
      'questions[0].options[1].label.bn': 'missing',
      'questions[1].code': 'Code is used more than once. Code is not in the expected format.',
      'questions[1].options': 'at least 2',
    });
    expect(other).toEqual([{ field: 'questions', message: 'at least one question' }]);
    expect(questionLevelErrors(fields, 1, ['questions[1].code'], ['bn'])).toEqual(['at least 2']);
    expect(questionLevelErrors(fields, 0, [], ['bn'])).toEqual([]);
  });
});

describe('the questionnaire checks made before saving', () => {
  it('names bad codes, option lists and bounds as the server would', () => {
    const drafts = toDraft([
      { code: 'Q1', kind: 'text', prompt: { en: '' }, max_length: 6000 },
      { code: 'dup', kind: 'single_choice', prompt: { en: '' }, options: [{ id: 'a', label: { en: '' } }] },
      {
        code: 'dup',
        kind: 'multi_choice',
        prompt: { en: '' },
        options: [
          { id: 'a', label: { en: '' } },
          { id: 'a', label: { en: '' } },
        ],
      },
      { code: 's', kind: 'scale', prompt: { en: '' }, min: 3, max: 3 },
      { code: 'n', kind: 'number', prompt: { en: '' }, min: 10, max: 1 },
      { code: 'ok', kind: 'scale', prompt: { en: '' }, min: 0, max: 10 },
    ]);
    expect(checkQuestionnaire(drafts)).toEqual({
      'questions[0].code': 'code',
      'questions[0].max_length': 'maxLength',
      'questions[1].options': 'optionCount',
      'questions[2].code': 'codeTaken',
      'questions[2].options[1].id': 'optionIdTaken',
      'questions[3].max': 'scaleBounds',
      'questions[4].max': 'numberBounds',
    });
  });
});
