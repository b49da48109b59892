import { screen } from '@testing-library/react';

import { renderWithProviders } from '@/testing/render';

import { Markdown } from './markdown';

describe('Markdown', () => {
  it('renders headings, lists and emphasis', () => {
    renderWithProviders(<Markdown testId="md">{'## Decisions\n\n- Share **data**\n- Meet again'}</Markdown>);
    expect(screen.getByRole('heading', { level: 2, name: 'Decisions' })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText('data').tagName).toBe('STRONG');
  });

  it('never renders raw HTML or script links', () => {
    const { container } = renderWithProviders(
      <Markdown>{'<img src=x onerror="alert(1)"><script>alert(2)</script>\n\n[click](javascript:alert(3))'}</Markdown>,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    const link = screen.getByText('click').closest('a');
    expect(link?.getAttribute('href') ?? '').not.toContain('javascript');
  });

  it('opens links outside the app without a referrer', () => {
    renderWithProviders(<Markdown>{'[WTO](https://www.wto.org/)'}</Markdown>);
    const link = screen.getByRole('link', { name: 'WTO' });
    expect(link).toHaveAttribute('href', 'https://www.wto.org/');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  });
});
