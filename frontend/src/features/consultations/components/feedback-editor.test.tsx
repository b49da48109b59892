import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { renderWithProviders } from '@/testing/render';

import type { Consultation } from '../lib/consultation-values';

import { FeedbackEditor } from './feedback-editor';
import { TitleTranslationsEditor } from './title-translations-editor';

const base = {
  id: '0193a5e2-9d04-7b61-a8c2-5f3e1d7b9a40',
  delegation_id: 'd1',
  visibility: 'delegation',
  title: 'Exporting shrimp',
  description: 'Ten minutes on exporting.',
  translations: {},
  feedback: null,
  feedback_at: null,
  status: 'closed',
  state: 'closed',
  accepting_responses: false,
  languages: ['en', 'bn'],
  topic_ids: [],
  questions: [],
  opens_at: null,
  closes_at: null,
  token: 'tok',
  share_path: '/respond/tok',
  response_count: 3,
  version: 4,
  created_at: '2026-11-01T00:00:00Z',
  updated_at: '2026-11-02T00:00:00Z',
} as Consultation;

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

/** Answers each request with the next response, keeping what was sent. */
function mockFetch(...responses: Response[]) {
  const sent: { method: string; url: string; ifMatch: string | null; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      sent.push({
        method: request.method,
        url: request.url,
        ifMatch: request.headers.get('If-Match'),
        body: await request.json(),
      });
      return responses.shift() ?? json({ title: 'unexpected', status: 500 }, 500);
    }),
  );
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

describe('the “you said, we did” panel', () => {
  it('says when a note can be written while the consultation still takes answers', () => {
    renderWithProviders(<FeedbackEditor consultation={{ ...base, status: 'open' }} writable onReload={() => {}} />);
    expect(screen.getByText(/Once the consultation is closed, you can publish a note/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Publish the note' })).not.toBeInTheDocument();
  });

  it('publishes the note per language with If-Match, and shows the server’s errors on their fields', async () => {
    const sent = mockFetch(
      json(
        {
          type: 'about:blank',
          title: 'Invalid',
          status: 422,
          errors: [{ field: 'texts.en', code: 'missing_translation', message: 'needs the English text' }],
        },
        422,
      ),
      json({ ...base, version: 5, feedback: { en: 'We raised it.', bn: 'আমরা তুলেছি।' } }),
    );
    renderWithProviders(<FeedbackEditor consultation={base} writable onReload={() => {}} />);
    await userEvent.type(screen.getByLabelText(/Note \(Bengali/), 'আমরা তুলেছি।');
    await userEvent.click(screen.getByRole('button', { name: 'Publish the note' }));
    const english = screen.getByLabelText(/Note \(English\)/);
    await waitFor(() => expect(english).toHaveAttribute('aria-invalid', 'true'));

    await userEvent.type(english, 'We raised it.');
    await userEvent.click(screen.getByRole('button', { name: 'Publish the note' }));
    expect(await screen.findByText('The note is published at the public link.')).toBeInTheDocument();
    expect(sent.map((s) => [s.method, new URL(s.url).pathname, s.ifMatch])).toEqual([
      ['PUT', `/api/v1/consultations/${base.id}/feedback`, '"4"'],
      ['PUT', `/api/v1/consultations/${base.id}/feedback`, '"4"'],
    ]);
    expect(sent[1]?.body).toEqual({ texts: { en: 'We raised it.', bn: 'আমরা তুলেছি।' } });
  });

  it('shows readers who may not change it the published note only', () => {
    const published = { ...base, feedback: { en: 'We raised it.' }, feedback_at: '2026-11-03T10:00:00Z' };
    renderWithProviders(<FeedbackEditor consultation={published} writable={false} onReload={() => {}} />);
    expect(screen.getByText('We raised it.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});

describe('the title and description in other languages', () => {
  it('saves them with If-Match, beside the English', async () => {
    const sent = mockFetch(json({ ...base, version: 5, translations: { bn: { title: 'চিংড়ি রপ্তানি' } } }));
    renderWithProviders(<TitleTranslationsEditor consultation={base} onReload={() => {}} />);
    const title = screen.getByLabelText('Title (Bengali — বাংলা)');
    expect(title).toHaveAccessibleDescription('English: Exporting shrimp');
    await userEvent.type(title, 'চিংড়ি রপ্তানি');
    await userEvent.click(screen.getByRole('button', { name: 'Save translations' }));
    expect(await screen.findByText('Translations saved.')).toBeInTheDocument();
    expect(sent[0]).toMatchObject({ method: 'PATCH', ifMatch: '"4"', body: { translations: { bn: { title: 'চিংড়ি রপ্তানি' } } } });
  });
});
