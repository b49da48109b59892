// The two requests of the public page, made with plain `fetch` (no client library, to keep the page
// small). Each answers a tagged result the page switches on, never throws.
import type { ProblemFieldError, PublicForm, SubmitResponseBody, SubmittedResponse } from './api-types';

const apiUrl = (import.meta.env.VITE_API_URL as string | undefined) ?? '';

const formUrl = (token: string) => `${apiUrl}/api/v1/public/consultations/${encodeURIComponent(token)}`;

export type FormResult =
  | { kind: 'ok'; form: PublicForm }
  | { kind: 'not_found' }
  | { kind: 'closed' }
  | { kind: 'too_many'; retryAfterSeconds?: number }
  | { kind: 'network' }
  | { kind: 'server'; status: number };

export type SubmitResult =
  | { kind: 'ok'; response: SubmittedResponse }
  | { kind: 'invalid'; errors: ProblemFieldError[]; detail?: string }
  | { kind: 'not_found' }
  | { kind: 'closed' }
  | { kind: 'too_many'; retryAfterSeconds?: number }
  | { kind: 'network' }
  | { kind: 'server'; status: number };

/** `Retry-After` as seconds from now: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The field errors of a problem+json body; the body is untrusted, so anything malformed is dropped. */
export function problemFieldErrors(body: unknown): ProblemFieldError[] {
  if (typeof body !== 'object' || body === null || !('errors' in body) || !Array.isArray(body.errors)) return [];
  return body.errors.filter(
    (e: unknown): e is ProblemFieldError =>
      typeof e === 'object' &&
      e !== null &&
      typeof (e as ProblemFieldError).field === 'string' &&
      typeof (e as ProblemFieldError).code === 'string' &&
      typeof (e as ProblemFieldError).message === 'string',
  );
}

async function jsonOrNull(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function failure(response: Response): Exclude<FormResult, { kind: 'ok' }> {
  if (response.status === 404) return { kind: 'not_found' };
  if (response.status === 409) return { kind: 'closed' };
  if (response.status === 429) {
    return { kind: 'too_many', retryAfterSeconds: retryAfterSeconds(response.headers.get('Retry-After')) };
  }
  return { kind: 'server', status: response.status };
}

export async function fetchForm(token: string, lang: string, signal?: AbortSignal): Promise<FormResult> {
  let response: Response;
  try {
    response = await fetch(`${formUrl(token)}?lang=${encodeURIComponent(lang)}`, {
      headers: { Accept: 'application/json' },
      signal,
    });
  } catch {
    return { kind: 'network' };
  }
  if (!response.ok) return failure(response);
  const form = await jsonOrNull(response);
  return form === null ? { kind: 'server', status: response.status } : { kind: 'ok', form: form as PublicForm };
}

export async function submitResponse(token: string, body: SubmitResponseBody): Promise<SubmitResult> {
  let response: Response;
  try {
    response = await fetch(`${formUrl(token)}/responses`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { kind: 'network' };
  }
  if (response.ok) return { kind: 'ok', response: (await jsonOrNull(response)) as SubmittedResponse };
  if (response.status === 422 || response.status === 400) {
    const problem = await jsonOrNull(response);
    const detail =
      typeof problem === 'object' && problem !== null && 'detail' in problem && typeof problem.detail === 'string'
        ? problem.detail
        : undefined;
    return { kind: 'invalid', errors: problemFieldErrors(problem), detail };
  }
  return failure(response);
}
