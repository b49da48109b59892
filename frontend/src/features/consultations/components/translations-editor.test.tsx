import { screen } from '@testing-library/react';

import { renderWithProviders } from '@/testing/render';

import { toDraft } from '../lib/questionnaire';

import { TranslationsEditor } from './translations-editor';

const questions = toDraft([
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
    prompt: { en: 'How easy is it?' },
    min: 1,
    max: 5,
    min_label: { en: 'Very hard' },
    max_label: { en: 'Very easy' },
  },
]);

describe('the translations tab', () => {
  it("labels every input with the language it is for, not with English", () => {
    renderWithProviders(
      <TranslationsEditor
        lang="bn"
        questions={questions}
        errors={{ 'questions[1].max_label.bn': 'Label of the highest value (Bengali) still needs a translation.' }}
        onChange={vi.fn()}
      />,
    );
    expect(screen.getAllByLabelText(/^Question \(Bengali\)/)).toHaveLength(2);
    expect(screen.getByLabelText(/^Option 1 \(Bengali\)/)).toHaveValue('হ্যাঁ');
    expect(screen.getByLabelText(/^Option 2 \(Bengali\)/)).toHaveValue('');
    expect(screen.getByLabelText(/^Label of the lowest value \(Bengali\)/)).toHaveAttribute('lang', 'bn');
    expect(screen.getByLabelText(/^Label of the highest value \(Bengali\)/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByLabelText(/\(English\)/)).not.toBeInTheDocument();
    // The English stays beside each input, as its description.
    expect(screen.getByText('English: Do you export?')).toBeInTheDocument();
  });

  it('names each language by its own name', () => {
    renderWithProviders(<TranslationsEditor lang="km" questions={questions} errors={{}} onChange={vi.fn()} />);
    expect(screen.getAllByLabelText(/^Question \(Khmer\)/)).toHaveLength(2);
    expect(screen.getByLabelText(/^Label of the lowest value \(Khmer\)/)).toBeInTheDocument();
  });
});
