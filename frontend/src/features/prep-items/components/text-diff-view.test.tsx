import { screen } from '@testing-library/react';

import { renderWithProviders } from '@/testing/render';

import { TextDiffView } from './text-diff-view';

describe('the text diff view', () => {
  it('marks inserted and deleted words with ins and del, and says so in words', () => {
    const { container } = renderWithProviders(
      <TextDiffView
        ops={[
          { op: 'equal', text: 'Members shall ' },
          { op: 'delete', text: 'not ' },
          { op: 'insert', text: 'refrain from ' },
          { op: 'equal', text: 'granting subsidies' },
        ]}
      />,
    );
    expect(container.querySelector('ins')?.textContent).toBe('added: refrain from ');
    expect(container.querySelector('del')?.textContent).toBe('removed: not ');
    expect(screen.getByText('2 words added, 1 removed')).toBeInTheDocument();
    expect(screen.getByTestId('text-diff')).toHaveTextContent('Members shall');
  });
});
