// What a failed text save means to the editor: a newer version saved meanwhile (412, or 428 when the
// version it started from was not sent) keeps the user's text and offers to reload; anything else is an
// ordinary problem shown as such.
import { problemFrom } from '@/lib/problem';

export type SaveFailure = { kind: 'conflict' } | { kind: 'problem'; status: number };

export function saveFailure(error: unknown): SaveFailure {
  const { status } = problemFrom(error);
  return status === 412 || status === 428 ? { kind: 'conflict' } : { kind: 'problem', status };
}
