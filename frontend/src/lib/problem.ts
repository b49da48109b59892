// RFC 9457 problem details: turns whatever a failed request produced into one shape the UI can show,
// and spreads its field errors over a form.
import * as z from 'zod/mini';

const FieldErrorSchema = z.object({ field: z.string(), code: z.string(), message: z.string() });

// The body is untrusted input: it is parsed, not cast.
const ProblemSchema = z.object({
  type: z._default(z.string(), 'about:blank'),
  title: z.string(),
  status: z.int(),
  detail: z.nullish(z.string()),
  instance: z.nullish(z.string()),
  request_id: z.nullish(z.string()),
  errors: z.nullish(z.array(FieldErrorSchema)),
});

export type FieldError = z.infer<typeof FieldErrorSchema>;

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  requestId?: string;
  errors: FieldError[];
};

/** The error every API helper throws: carries the parsed problem for display. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }
}

const fallbackTitles: Record<number, string> = {
  0: 'The server could not be reached',
  401: 'You are not signed in',
  403: 'You are not allowed to do this',
  404: 'Not found',
  429: 'Too many requests',
};

/**
 * Builds a Problem from a response body (parsed JSON or anything else) and the HTTP status. A body that
 * is not a problem document still yields a readable title, never `[object Object]`.
 */
export function toProblem(body: unknown, status: number, requestId?: string | null): Problem {
  const parsed = ProblemSchema.safeParse(body);
  if (parsed.success) {
    const p = parsed.data;
    return {
      type: p.type,
      title: p.title,
      status: p.status || status,
      detail: p.detail ?? undefined,
      requestId: p.request_id ?? requestId ?? undefined,
      errors: p.errors ?? [],
    };
  }
  const title = fallbackTitles[status] ?? (status >= 500 ? 'The server had a problem' : 'The request failed');
  return { type: 'about:blank', title, status, requestId: requestId ?? undefined, errors: [] };
}

/** Turns anything thrown by a request (ApiError, network failure, bug) into a Problem. */
export function problemFrom(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  if (error instanceof TypeError) {
    return { type: 'about:blank', title: fallbackTitles[0] ?? '', status: 0, detail: error.message, errors: [] };
  }
  const detail = error instanceof Error ? error.message : undefined;
  return { type: 'about:blank', title: 'Something went wrong', status: 0, detail, errors: [] };
}

/** The one sentence to show for a problem: its detail when it has one, else its title. */
export function problemMessage(problem: Problem): string {
  return problem.detail ?? problem.title;
}

/**
 * Splits a problem's field errors into those a form can show next to its own fields (keyed by field,
 * messages joined) and the rest, which the form shows above itself.
 */
export function splitFieldErrors<F extends string>(
  problem: Problem,
  formFields: readonly F[],
): { fields: Partial<Record<F, string>>; other: FieldError[] } {
  const fields: Partial<Record<F, string>> = {};
  const other: FieldError[] = [];
  for (const error of problem.errors) {
    const field = formFields.find((name) => name === error.field);
    if (field === undefined) {
      other.push(error);
    } else {
      fields[field] = fields[field] ? `${fields[field]}; ${error.message}` : error.message;
    }
  }
  return { fields, other };
}
