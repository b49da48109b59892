import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import type { PublicForm } from './api-types';
import { RespondApp, tokenFromPath } from './respond-app';

const form: PublicForm = {
  title: 'Export paperwork survey',
  description: 'Tell us about exporting.',
  lang: 'en',
  requested_lang: 'en',
  languages: ['en', 'bn', 'ur'],
  accepting_responses: true,
  state: 'open',
  closes_at: null,
  questions: [
    {
      code: 'exports',
      kind: 'single_choice',
      required: true,
      prompt: 'Do you export?',
      options: [
        { id: 'yes', label: 'Yes' },
        { id: 'no', label: 'No' },
      ],
    },
    {
      code: 'staff',
      kind: 'number',
      required: false,
      prompt: 'How many people work there?',
      min: 0,
      max: 5000,
      options: [],
    },
    {
      code: 'ease',
      kind: 'scale',
      required: false,
      prompt: 'How easy is it?',
      min: 1,
      max: 5,
      min_label: 'Hard',
      max_label: 'Easy',
      options: [],
    },
  ],
};

function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

function mockFetch(...responses: (Response | Error)[]) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    const next = responses.shift();
    if (next instanceof Error) throw next;
    return next ?? json({ title: 'unexpected' }, 500);
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

async function exportsChoice(name: string) {
  return within(await screen.findByRole('group', { name: /Do you export\?/ })).getByRole('radio', { name });
}

describe('the public response page', () => {
  it('reads the token from the path', () => {
    expect(tokenFromPath('/respond/abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenFromPath('/respond/abc/')).toBe('abc');
    expect(tokenFromPath('/respond/')).toBe('');
    expect(tokenFromPath('/respond/a/b')).toBe('');
  });

  it('asks for the language of ?lang= and switches language on request', async () => {
    const calls = mockFetch(json({ ...form, lang: 'bn' }), json({ ...form, lang: 'ur' }));
    render(<RespondApp path="/respond/tok" search="?lang=bn-BD" />);
    expect(await screen.findByRole('heading', { name: 'Export paperwork survey' })).toBeInTheDocument();
    expect(calls[0]?.url).toBe('/api/v1/public/consultations/tok?lang=bn');
    expect(document.documentElement.lang).toBe('bn');
    // The page's own words are Bengali.
    expect(screen.getByRole('button', { name: 'আমার উত্তর পাঠান' })).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('ভাষা'), 'ur');
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(calls[1]?.url).toBe('/api/v1/public/consultations/tok?lang=ur');
  });

  it('speaks the language of the form in every word of its own, Khmer included', async () => {
    mockFetch(json({ ...form, lang: 'km', languages: ['en', 'km'] }));
    render(<RespondApp path="/respond/tok" search="?lang=km" />);
    expect(await screen.findByRole('button', { name: 'ផ្ញើចម្លើយរបស់ខ្ញុំ' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('km');
    expect(screen.getByLabelText('ប្រទេស')).toHaveDisplayValue('មិនបញ្ជាក់');
    expect(screen.getByRole('option', { name: 'កម្ពុជា' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'C – ឧស្សាហកម្មកែច្នៃ' })).toBeInTheDocument();
    // No part of the page's own words is left in another language's attributes.
    expect(document.querySelectorAll('main [lang]:not(option)')).toHaveLength(0);
  });

  it('falls back to English words for a language it has no dictionary for', async () => {
    const calls = mockFetch(json(form));
    render(<RespondApp path="/respond/tok" search="?lang=de" />);
    expect(await screen.findByRole('button', { name: 'Send my answers' })).toBeInTheDocument();
    expect(calls[0]?.url).toBe('/api/v1/public/consultations/tok?lang=de');
    expect(document.documentElement.lang).toBe('en');
  });

  it('says who asks, how long it takes and what happens to the answers', async () => {
    mockFetch(json({ ...form, asked_by: 'Bangladesh', asked_by_country: 'BGD' }));
    const { unmount } = render(<RespondApp path="/respond/tok" search="" />);
    expect(await screen.findByText('Asked by Bangladesh.')).toBeInTheDocument();
    // Three questions at about 30 s each: 1.5 minutes, rounded up.
    expect(screen.getByText('Takes about 2 minutes.')).toBeInTheDocument();
    expect(screen.getByText(/anonymous answers stay anonymous/)).toBeInTheDocument();
    unmount();

    mockFetch(json({ ...form, asked_by: null, lang: 'bn', questions: form.questions.slice(0, 1) }));
    render(<RespondApp path="/respond/tok" search="?lang=bn" />);
    expect(await screen.findByText('জিজ্ঞাসা করছে: আঞ্চলিক সচিবালয়।')).toBeInTheDocument();
    expect(screen.getByText('প্রায় ১ মিনিট লাগবে।')).toBeInTheDocument();
  });

  it('lists the problems at the top with a count, focuses that summary, and each link focuses its field', async () => {
    const calls = mockFetch(json(form));
    render(<RespondApp path="/respond/tok" search="" />);
    await userEvent.type(await screen.findByLabelText(/How many people/), 'many');
    await userEvent.click(screen.getByRole('button', { name: 'Send my answers' }));

    const summary = await screen.findByRole('alert', { name: 'There are 2 problems' });
    await waitFor(() => expect(summary).toHaveFocus());
    // The summary comes before the form's title, as in the GOV.UK pattern.
    const title = screen.getByRole('heading', { level: 1, name: 'Export paperwork survey' });
    expect(summary.compareDocumentPosition(title) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const links = within(summary).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual([
      'Do you export?: Please answer this question.',
      'How many people work there?: Enter a number, such as 12 or 12.5.',
    ]);
    await userEvent.click(links[1] as HTMLElement);
    expect(screen.getByLabelText(/How many people/)).toHaveFocus();
    await userEvent.click(links[0] as HTMLElement);
    expect(await exportsChoice('Yes')).toHaveFocus();

    expect(screen.getByRole('radiogroup', { description: 'Please answer this question.' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    const staff = screen.getByLabelText(/How many people/);
    expect(staff).toHaveAttribute('aria-invalid', 'true');
    expect(staff).toHaveAccessibleDescription(/Enter a number, such as 12 or 12.5./);
    expect(calls).toHaveLength(1);
  });

  it('sends the answers and profile, maps the server’s 422 onto the fields, then thanks', async () => {
    const calls = mockFetch(
      json(form),
      json(
        {
          type: 'about:blank',
          title: 'Invalid response',
          status: 422,
          errors: [
            { field: 'answers.staff', code: 'out_of_range', message: 'too many' },
            { field: 'profile.sector', code: 'invalid', message: 'unknown sector' },
          ],
        },
        422,
      ),
      json({ id: 'r1', submitted_at: '2025-03-01T10:00:00Z' }, 201),
    );
    render(<RespondApp path="/respond/tok" search="" />);
    await userEvent.click(await exportsChoice('Yes'));
    await userEvent.type(screen.getByLabelText(/How many people/), '12');
    await userEvent.click(screen.getByRole('radio', { name: '5 – Easy' }));
    await userEvent.selectOptions(screen.getByLabelText('Country'), 'NPL');
    await userEvent.selectOptions(screen.getByLabelText('Main activity'), 'C');
    await userEvent.click(screen.getByRole('button', { name: 'Send my answers' }));

    const summary = await screen.findByRole('alert', { name: 'There are 2 problems' });
    await waitFor(() => expect(summary).toHaveFocus());
    expect(within(summary).getByRole('link', { name: 'Main activity: unknown sector' })).toHaveAttribute(
      'href',
      '#profile-sector',
    );
    const sent = JSON.parse(String(calls[1]?.init?.body)) as { submission_id: string };
    expect(sent).toEqual({
      lang: 'en',
      answers: { exports: 'yes', staff: 12, ease: 5 },
      profile: { country: 'NPL', sector: 'C' },
      submission_id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
    });
    expect(screen.getByLabelText(/How many people/)).toHaveAccessibleDescription(/Enter a number from 0 to 5,000./);
    expect(screen.getByLabelText('Main activity')).toHaveAttribute('aria-invalid', 'true');

    await userEvent.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect(await screen.findByRole('heading', { name: 'Thank you!' })).toHaveFocus();
    expect(screen.getByText(/what came of it will appear at this same link/)).toBeInTheDocument();
    // The second try is the same filled form: it carries the same submission id.
    expect((JSON.parse(String(calls[2]?.init?.body)) as { submission_id: string }).submission_id).toBe(
      sent.submission_id,
    );
  });

  it('keeps the answers and says when to retry after a 429', async () => {
    mockFetch(json(form), json({ title: 'Too many requests', status: 429 }, 429, { 'Retry-After': '120' }));
    render(<RespondApp path="/respond/tok" search="" />);
    await userEvent.click(await exportsChoice('No'));
    await userEvent.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect(await screen.findByText(/Please try again in 2 minutes\./)).toBeInTheDocument();
    expect(await exportsChoice('No')).toBeChecked();
  });

  it('tells an unknown link, a closed consultation and a lost connection apart', async () => {
    mockFetch(json({ title: 'Not found', status: 404 }, 404));
    const { unmount } = render(<RespondApp path="/respond/nope" search="" />);
    expect(await screen.findByRole('heading', { name: 'This link does not work' })).toBeInTheDocument();
    unmount();

    mockFetch(json({ ...form, state: 'closed', accepting_responses: false }));
    const closed = render(<RespondApp path="/respond/tok" search="" />);
    expect(await screen.findByRole('heading', { name: 'This consultation is closed' })).toBeInTheDocument();
    closed.unmount();

    // Closed with the owners' note: the note, in the page's language, instead of the closed screen.
    const note = 'আপনারা বলেছেন পরীক্ষায় চালান আটকে যায়।\n\nআমরা বিষয়টি তুলেছি।';
    mockFetch(
      json({
        ...form,
        lang: 'bn',
        state: 'closed',
        accepting_responses: false,
        feedback: { text: note, lang: 'bn', published_at: '2026-06-01T09:00:00Z' },
      }),
    );
    const withNote = render(<RespondApp path="/respond/tok" search="?lang=bn" />);
    // Focus moves in an effect after the heading renders: wait for it rather than race it (it lost the
    // race once on a loaded CI machine).
    const noteHeading = await screen.findByRole('heading', { name: 'আপনারা বলেছেন, আমরা করেছি' });
    await waitFor(() => expect(noteHeading).toHaveFocus());
    expect(screen.getByText('আমরা বিষয়টি তুলেছি।')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'আমার উত্তর পাঠান' })).not.toBeInTheDocument();
    withNote.unmount();

    mockFetch(new TypeError('Failed to fetch'), json(form));
    render(<RespondApp path="/respond/tok" search="" />);
    expect(await screen.findByRole('heading', { name: 'Could not reach the server' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Export paperwork survey' })).toBeInTheDocument();
  });
});
