import { problemFieldErrors, retryAfterSeconds } from './api';

describe('public API helpers', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-03-01T10:00:00Z');
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Sat, 01 Mar 2025 10:05:00 GMT', now)).toBe(300);
    expect(retryAfterSeconds('Sat, 01 Mar 2025 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds(null, now)).toBeUndefined();
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
  });

  it('takes only well-formed field errors from a problem body', () => {
    expect(problemFieldErrors(null)).toEqual([]);
    expect(problemFieldErrors({ title: 'x' })).toEqual([]);
    expect(
      problemFieldErrors({
        errors: [{ field: 'answers.q1', code: 'required', message: 'required' }, { field: 1 }, 'nonsense'],
      }),
    ).toEqual([{ field: 'answers.q1', code: 'required', message: 'required' }]);
  });
});
