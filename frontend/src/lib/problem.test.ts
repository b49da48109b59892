import { ApiError, problemFrom, problemMessage, splitFieldErrors, toProblem } from './problem';

const validation = {
  type: 'https://gmc.test/problems/validation',
  title: 'Invalid input',
  status: 422,
  detail: 'Some fields are invalid',
  request_id: 'req-1',
  errors: [
    { field: 'email', code: 'invalid_email', message: 'must be an e-mail address' },
    { field: 'email', code: 'too_long', message: 'is too long' },
    { field: 'delegation_id', code: 'required', message: 'is required' },
  ],
};

describe('problem+json mapping', () => {
  it('reads a problem document with its field errors and request id', () => {
    const problem = toProblem(validation, 422);
    expect(problem).toMatchObject({ status: 422, title: 'Invalid input', requestId: 'req-1' });
    expect(problem.errors).toHaveLength(3);
    expect(problemMessage(problem)).toBe('Some fields are invalid');
  });

  it('falls back to the title when there is no detail', () => {
    expect(problemMessage(toProblem({ title: 'Not Found', status: 404 }, 404))).toBe('Not Found');
  });

  it('gives a readable title for a body that is not a problem document', () => {
    expect(toProblem('<html>Bad gateway</html>', 502).title).toBe('The server had a problem');
    expect(toProblem(undefined, 429, 'r-9')).toMatchObject({ title: 'Too many requests', requestId: 'r-9' });
  });

  it('turns a network failure into a status-0 problem', () => {
    const problem = problemFrom(new TypeError('Failed to fetch'));
    expect(problem.status).toBe(0);
    expect(problem.title).toBe('The server could not be reached');
  });

  it('unwraps the problem an ApiError carries', () => {
    const problem = toProblem(validation, 422);
    expect(problemFrom(new ApiError(problem))).toBe(problem);
  });

  it('splits field errors between the form fields and the rest, joining messages per field', () => {
    const { fields, other } = splitFieldErrors(toProblem(validation, 422), ['email', 'password'] as const);
    expect(fields).toEqual({ email: 'must be an e-mail address; is too long' });
    expect(other).toEqual([{ field: 'delegation_id', code: 'required', message: 'is required' }]);
  });
});
