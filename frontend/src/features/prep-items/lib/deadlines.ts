// Deadlines as the tracker shows them. A deadline is a calendar date (`YYYY-MM-DD`, no zone); "today"
// is the user's own calendar date, so an item due today is not overdue anywhere until the day is over
// where the user is. The server sends its own `overdue` flag; these functions decide the same for items
// the SPA filters itself (the home card) and let tests pin the rule.
import { isFinalStatus } from './prep-values';

/** The user's calendar date, `YYYY-MM-DD`, in their time zone. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** `iso` plus `days` calendar days (`YYYY-MM-DD` in, `YYYY-MM-DD` out), computed in UTC so no DST shifts. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function day(deadline: string | null | undefined): string | null {
  return deadline ? (/^\d{4}-\d{2}-\d{2}/.exec(deadline)?.[0] ?? null) : null;
}

/** Past its deadline and still open: the deadline is before today and the status is not final. */
export function isOverdue(deadline: string | null | undefined, status: string, today: string): boolean {
  const due = day(deadline);
  return due !== null && !isFinalStatus(status) && due < today;
}

export type DeadlineState = 'none' | 'overdue' | 'due_soon' | 'later' | 'closed';

/** How a deadline reads: overdue, due within `soonDays` (today included), later, none, or closed (final). */
export function deadlineState(
  deadline: string | null | undefined,
  status: string,
  today: string,
  soonDays = 7,
): DeadlineState {
  const due = day(deadline);
  if (due === null) return 'none';
  if (isFinalStatus(status)) return 'closed';
  if (due < today) return 'overdue';
  return due <= addDays(today, soonDays) ? 'due_soon' : 'later';
}

/**
 * The open items due from today through the next `days` days, plus the overdue ones, soonest first (the
 * home card's "deadlines this week"). Ties keep their order.
 */
export function dueWithin<T extends { deadline?: string | null; status: string }>(
  items: readonly T[],
  today: string,
  days = 7,
): T[] {
  const last = addDays(today, days);
  return items
    .map((item, index) => ({ item, index, due: day(item.deadline) }))
    .filter(({ item, due }) => due !== null && due <= last && !isFinalStatus(item.status))
    .sort((a, b) => (a.due ?? '').localeCompare(b.due ?? '') || a.index - b.index)
    .map(({ item }) => item);
}
