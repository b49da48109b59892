import { applyProblemToForm } from './form-errors';
import { ApiError, toProblem } from './problem';

type Values = { partner: string; hs_code: string; estimated_cost: string; currency: string };
const fields = ['partner', 'hs_code', 'estimated_cost', 'currency'] as const;
const labels = {
  partner: 'Partner market',
  hs_code: 'HS code',
  estimated_cost: 'Estimated cost',
  currency: 'Currency',
  topic_ids: 'Topics',
};

const refused = (errors: { field: string; code: string; message: string }[]) =>
  new ApiError(
    toProblem(
      {
        type: 'urn:gmc:problem:validation',
        title: 'Unprocessable Entity',
        status: 422,
        detail: 'some fields are invalid; see errors',
        errors,
      },
      422,
    ),
  );

describe('applyProblemToForm', () => {
  it('marks each field with a sentence naming it and sums up the marked fields by label', () => {
    const setError = vi.fn();
    const summary = applyProblemToForm<Values>(
      refused([
        { field: 'partner', code: 'unknown', message: 'names no country or group' },
        { field: 'hs_code', code: 'invalid_chapter', message: 'chapter must be 01–97 (77 is reserved)' },
        { field: 'currency', code: 'required_together', message: 'estimated_cost and currency go together' },
      ]),
      fields,
      setError,
      labels,
    );
    expect(summary).toBe('3 fields need attention: Partner market, HS code, Currency.');
    expect(setError).toHaveBeenCalledTimes(3);
    expect(setError).toHaveBeenNthCalledWith(
      1,
      'partner',
      { type: 'server', message: 'Partner market names something that does not exist.' },
      { shouldFocus: true },
    );
    expect(setError).toHaveBeenNthCalledWith(
      2,
      'hs_code',
      { type: 'server', message: 'HS code must begin with an HS chapter from 01 to 97 (chapter 77 is not used).' },
      { shouldFocus: false },
    );
    expect(JSON.stringify(setError.mock.calls)).not.toMatch(/estimated_cost|reserved|see errors/);
  });

  it('names fields the form does not show by their label, or generically, never by JSON path', () => {
    const summary = applyProblemToForm<Values>(
      refused([
        { field: 'partner', code: 'required', message: 'must not be empty' },
        { field: 'topic_ids[0]', code: 'unknown', message: 'names no topic' },
        { field: 'source', code: 'invalid_choice', message: 'must be one of: …' },
      ]),
      fields,
      vi.fn(),
      labels,
    );
    expect(summary).toBe(
      '1 field needs attention: Partner market. Topics names something that does not exist. ' +
        'One of the values is not one of the choices offered.',
    );
  });

  it('still works for a form that passes no labels: it counts and says "This field"', () => {
    const setError = vi.fn();
    const summary = applyProblemToForm<Values>(
      refused([{ field: 'partner', code: 'too_long', message: 'must be at most 16 characters' }]),
      fields,
      setError,
    );
    expect(summary).toBe('1 field needs attention; it is marked below.');
    expect(setError).toHaveBeenCalledWith('partner', { type: 'server', message: 'This field is too long.' }, {
      shouldFocus: true,
    });
  });

  it('explains a reused idempotency key without naming the header', () => {
    const summary = applyProblemToForm<Values>(
      refused([{ field: 'Idempotency-Key', code: 'reused', message: 'was already used with a different request' }]),
      fields,
      vi.fn(),
      labels,
    );
    expect(summary).toBe('This form was already sent with other values. Send it again to save these.');
  });

  it('gives the translated message of a problem without field errors', () => {
    const stale = new ApiError(
      toProblem({ type: 'urn:gmc:problem:stale-version', title: 'Precondition Failed', status: 412, detail: 'x' }, 412),
    );
    expect(applyProblemToForm<Values>(stale, fields, vi.fn(), labels)).toBe(
      'Someone changed this record since you opened it. Reload it, then make your change again.',
    );
    expect(applyProblemToForm<Values>(new TypeError('Failed to fetch'), fields, vi.fn())).toBe(
      'Check your connection, then try again.',
    );
  });
});
