// RFC 9457 problem details: turns whatever a failed request produced into one shape, and says it to
// people in the interface's language.
//
// What the user reads never comes from the server's `title`, `detail` or field `message`: those are
// English only and written for integrators (they name JSON fields, ISO standards and headers:
// "estimated_cost and currency go together"). The UI words a problem from what is stable — the HTTP
// status, the problem type and each field error's `code` — with the field named as the form labels it.
// A code this build does not know yet (added by a newer server) gets a generic sentence rather than
// the server's text, for the same reason; the request id stays on screen for support.
import * as z from 'zod/mini';

import i18n from './i18n';

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

// Problem types the client makes itself, for failures that never reached a server answer.
const NETWORK = 'urn:gmc:client:network';
const UNEXPECTED = 'urn:gmc:client:unexpected';

const fallbackTitles: Record<number, string> = {
  0: 'The server could not be reached',
  401: 'You are not signed in',
  403: 'You are not allowed to do this',
  404: 'Not found',
  429: 'Too many requests',
};

/**
 * Builds a Problem from a response body (parsed JSON or anything else) and the HTTP status. A body that
 * is not a problem document still yields a problem with the status, never `[object Object]`.
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
    return { type: NETWORK, title: fallbackTitles[0] ?? '', status: 0, detail: error.message, errors: [] };
  }
  const detail = error instanceof Error ? error.message : undefined;
  return { type: UNEXPECTED, title: 'Something went wrong', status: 0, detail, errors: [] };
}

// --- saying it to people ---------------------------------------------------------------------------

/** How a form names the fields a problem may mention: a map by API field name, or a function. */
export type FieldLabels =
  | Readonly<Partial<Record<string, string>>>
  | ((field: string) => string | undefined);

// Every field error code the API emits (grep `FieldProblem::new` and `e.add(` in crates/); each has a
// sentence under `problems.field` in the translations.
const fieldCodes = [
  'required', 'required_together', 'invalid', 'invalid_format', 'invalid_type', 'invalid_choice',
  'invalid_character', 'invalid_email', 'invalid_phone', 'invalid_chapter', 'invalid_time_zone',
  'invalid_transition', 'invalid_range', 'invalid_option', 'invalid_cursor', 'out_of_range', 'not_integer',
  'too_long', 'too_short', 'too_many', 'too_few', 'taken', 'duplicate', 'duplicate_option', 'reused',
  'unknown', 'unknown_language', 'unknown_question', 'missing_translation', 'not_allowed', 'not_draft',
  'not_stakeholder', 'not_tabulable', 'not_text', 'in_the_future', 'in_the_past', 'before_opening',
  'inconsistent', 'empty', 'self_lockout', 'wrong_code', 'wrong_password',
] as const;

type FieldCode = (typeof fieldCodes)[number];

const isFieldCode = (code: string): code is FieldCode => (fieldCodes as readonly string[]).includes(code);

/**
 * The label of an API field: its own, else that of the nearest field containing it
 * (`questions[2].options[0].label.bn` falls back to `questions[2].options[0].label`, …, `questions`).
 */
export function fieldLabel(field: string, labels: FieldLabels | undefined): string | undefined {
  if (!labels) return undefined;
  const look = typeof labels === 'function' ? labels : (name: string) => labels[name];
  let name = field;
  for (;;) {
    const label = look(name);
    if (label) return label;
    const parent = name.replace(/(\.[^.[\]]*|\[\d*\])$/, '');
    if (parent === name || parent === '') return undefined;
    name = parent;
  }
}

/** One sentence for one field error, naming the field by `label` (a form label, or "This field"). */
export function fieldErrorMessage(code: string, label: string): string {
  return i18n.t(isFieldCode(code) ? `problems.field.${code}` : 'problems.field.other', { label });
}

/** The sentences for field errors shown away from their fields: named by label, never by JSON path. */
export function fieldErrorSentences(errors: readonly FieldError[], labels?: FieldLabels): string[] {
  const sentences = errors.map((e) =>
    fieldErrorMessage(e.code, fieldLabel(e.field, labels) ?? i18n.t('problems.unnamedField')),
  );
  return [...new Set(sentences)];
}

type ProblemKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'closed'
  | 'stale'
  | 'rateLimited'
  | 'busy'
  | 'server'
  | 'badRequest'
  | 'network'
  | 'unexpected';

function kindOf(problem: Problem): ProblemKind {
  if (problem.type === NETWORK) return 'network';
  if (problem.type === UNEXPECTED) return 'unexpected';
  if (problem.type.endsWith(':consultation-closed')) return 'closed';
  const byStatus: Record<number, ProblemKind> = {
    0: 'network',
    401: 'unauthenticated',
    403: 'forbidden',
    404: 'notFound',
    409: 'conflict',
    412: 'stale',
    422: 'validation',
    429: 'rateLimited',
    503: 'busy',
  };
  return byStatus[problem.status] ?? (problem.status >= 500 ? 'server' : 'badRequest');
}

/** A short translated title for a problem (an alert's heading). */
export function problemTitle(problem: Problem): string {
  return i18n.t(`problems.status.${kindOf(problem)}.title`);
}

/**
 * The translated sentence(s) to show for a problem: for invalid input, what is wrong with each field
 * (named with `labels` when given); otherwise what happened and what the user can do.
 */
export function problemMessage(problem: Problem, labels?: FieldLabels): string {
  const kind = kindOf(problem);
  if (kind === 'validation' && problem.errors.length > 0) {
    return fieldErrorSentences(problem.errors, labels).join(' ');
  }
  return i18n.t(`problems.status.${kind}.message`);
}

/** True when a field error belongs to the form field `name` (itself, or an item or part of it). */
export function isErrorOf(error: FieldError, name: string): boolean {
  return error.field === name || error.field.startsWith(`${name}.`) || error.field.startsWith(`${name}[`);
}

/**
 * Splits a problem's field errors into those a form can show next to its own fields (keyed by field,
 * translated, sentences joined) and the rest, which the form shows above itself.
 */
export function splitFieldErrors<F extends string>(
  problem: Problem,
  formFields: readonly F[],
  labels?: FieldLabels,
): { fields: Partial<Record<F, string>>; other: FieldError[] } {
  const fields: Partial<Record<F, string>> = {};
  const other: FieldError[] = [];
  for (const error of problem.errors) {
    const field = formFields.find((name) => isErrorOf(error, name));
    if (field === undefined) {
      other.push(error);
    } else {
      const message = fieldErrorMessage(error.code, fieldLabel(field, labels) ?? i18n.t('problems.thisField'));
      const before = fields[field];
      if (before === undefined) fields[field] = message;
      else if (!before.includes(message)) fields[field] = `${before} ${message}`;
    }
  }
  return { fields, other };
}
