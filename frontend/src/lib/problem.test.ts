import {
  ApiError,
  fieldErrorMessage,
  fieldErrorSentences,
  fieldLabel,
  problemFrom,
  problemMessage,
  problemTitle,
  splitFieldErrors,
  toProblem,
} from './problem';

const validation = {
  type: 'urn:gmc:problem:validation',
  title: 'Unprocessable Entity',
  status: 422,
  detail: 'some fields are invalid; see errors',
  request_id: 'req-1',
  errors: [
    { field: 'email', code: 'invalid_email', message: 'must be an e-mail address' },
    { field: 'email', code: 'too_long', message: 'is too long' },
    { field: 'delegation_id', code: 'required', message: 'is required for the role delegate' },
  ],
};

const problemOf = (status: number, slug: string, detail = 'developer wording') =>
  toProblem({ type: `urn:gmc:problem:${slug}`, title: 'Reason', status, detail }, status);

describe('problem+json parsing', () => {
  it('reads a problem document with its field errors and request id', () => {
    const problem = toProblem(validation, 422);
    expect(problem).toMatchObject({ status: 422, title: 'Unprocessable Entity', requestId: 'req-1' });
    expect(problem.errors).toHaveLength(3);
  });

  it('keeps the status of a body that is not a problem document', () => {
    expect(toProblem('<html>Bad gateway</html>', 502)).toMatchObject({ status: 502, errors: [] });
    expect(toProblem(undefined, 429, 'r-9')).toMatchObject({ status: 429, requestId: 'r-9' });
  });

  it('turns a network failure into a status-0 problem', () => {
    expect(problemFrom(new TypeError('Failed to fetch')).status).toBe(0);
  });

  it('unwraps the problem an ApiError carries', () => {
    const problem = toProblem(validation, 422);
    expect(problemFrom(new ApiError(problem))).toBe(problem);
  });
});

describe('problems worded for people', () => {
  it('titles and explains each kind of refusal in the interface language, not with the server detail', () => {
    const cases: [number, string, string, RegExp][] = [
      [403, 'forbidden', 'Not allowed', /role does not allow this/],
      [404, 'not-found', 'Not found', /does not exist, or you are not allowed to see it/],
      [409, 'conflict', 'Could not be done now', /Reload the page/],
      [409, 'consultation-closed', 'Consultation closed', /takes no more responses/],
      [412, 'stale-version', 'Changed by someone else', /Someone changed this record/],
      [429, 'rate-limited', 'Too many attempts', /Wait a minute/],
      [503, 'busy', 'The server is busy', /Try again in a moment/],
      [500, 'internal', 'Something went wrong on our side', /Try again/],
      [428, 'if-match-required', 'The request was not accepted', /Reload the page/],
    ];
    for (const [status, slug, title, message] of cases) {
      const problem = problemOf(status, slug);
      expect(problemTitle(problem)).toBe(title);
      expect(problemMessage(problem)).toMatch(message);
      expect(problemMessage(problem)).not.toContain('developer wording');
    }
  });

  it('tells a network failure from a bug in the page', () => {
    const network = problemFrom(new TypeError('Failed to fetch'));
    expect(problemTitle(network)).toBe('The server could not be reached');
    expect(problemMessage(network)).toBe('Check your connection, then try again.');
    expect(problemTitle(problemFrom(new Error('x is undefined')))).toBe('Something went wrong');
    expect(problemTitle(toProblem('<html>', 502))).toBe('Something went wrong on our side');
  });

  it('words field errors by code with the form label, never with the server message', () => {
    expect(fieldErrorMessage('required', 'Partner market')).toBe('Partner market is required.');
    expect(fieldErrorMessage('invalid_chapter', 'HS code')).toBe(
      'HS code must begin with an HS chapter from 01 to 97 (chapter 77 is not used).',
    );
    expect(fieldErrorMessage('required_together', 'Currency')).toBe(
      'Currency goes with another value: fill in both, or leave both empty.',
    );
  });

  it('falls back to a generic sentence for a code this build does not know', () => {
    expect(fieldErrorMessage('brand_new_rule', 'Title')).toBe('Title was not accepted.');
  });

  it('lists every field error of a validation problem when no form shows them', () => {
    expect(problemTitle(toProblem(validation, 422))).toBe('Some entries need attention');
    expect(problemMessage(toProblem(validation, 422), { email: 'E-mail' })).toBe(
      'E-mail must be an e-mail address, such as name@example.org. E-mail is too long. ' +
        'One of the values is required.',
    );
  });

  it('names a field by its own label, else by the nearest labelled field containing it', () => {
    const labels = { questions: 'Questionnaire', 'questions[0].prompt': 'Question 1' };
    expect(fieldLabel('questions[0].prompt.bn', labels)).toBe('Question 1');
    expect(fieldLabel('questions[2].options[1].label', labels)).toBe('Questionnaire');
    expect(fieldLabel('Idempotency-Key', labels)).toBeUndefined();
    expect(fieldLabel('odd]name', labels)).toBeUndefined();
    expect(fieldLabel('topic_ids[1]', (field) => (field === 'topic_ids' ? 'Topics' : undefined))).toBe('Topics');
  });

  it('never names an unlabelled field by its JSON path', () => {
    const sentences = fieldErrorSentences([{ field: 'questions[2].options', code: 'too_few', message: '' }]);
    expect(sentences).toEqual(['One of the values needs more entries.']);
  });

  it('splits field errors between the form fields and the rest, worded and joined per field', () => {
    const { fields, other } = splitFieldErrors(toProblem(validation, 422), ['email', 'password'] as const, {
      email: 'E-mail',
    });
    expect(fields).toEqual({ email: 'E-mail must be an e-mail address, such as name@example.org. E-mail is too long.' });
    expect(other).toEqual([{ field: 'delegation_id', code: 'required', message: 'is required for the role delegate' }]);
  });

  it("puts an error on an item of a list field on that field, as 'This field' without a label", () => {
    const problem = toProblem(
      { title: 'x', status: 422, errors: [{ field: 'topic_ids[1]', code: 'unknown', message: 'names no topic' }] },
      422,
    );
    expect(splitFieldErrors(problem, ['topic_ids'] as const).fields).toEqual({
      topic_ids: 'This field names something that does not exist.',
    });
  });
});
