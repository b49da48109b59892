// Dates and times as the user reads them: in the browser's locale (its languages carry the user's
// regional conventions, whatever the UI language) and, for an instant, in the user's time zone with the
// zone named — "14 Mar 2026, 15:05 GMT+6" cannot be misread as Geneva time. The API sends instants in
// UTC. A calendar date (`YYYY-MM-DD`: a consent date, a date a body raised an impediment) has no time
// and no zone, so it is shown as that date and never shifts by a day.

type Options = { locales?: string | readonly string[]; timeZone?: string };

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'instant' | 'date', { locales, timeZone }: Options): Intl.DateTimeFormat {
  const chosen = locales ?? (typeof navigator === 'undefined' ? undefined : navigator.languages);
  const key = `${kind}|${String(chosen)}|${timeZone ?? ''}`;
  let format = cache.get(key);
  if (!format) {
    const list = chosen === undefined ? undefined : typeof chosen === 'string' ? chosen : [...chosen];
    format =
      kind === 'instant'
        ? new Intl.DateTimeFormat(list, {
            year: 'numeric',
            month: 'short',
            day: 'numeric',
            hour: 'numeric',
            minute: '2-digit',
            timeZoneName: 'short',
            timeZone,
          })
        : // A calendar date is read as midnight UTC and shown in UTC: the same day everywhere.
          new Intl.DateTimeFormat(list, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    cache.set(key, format);
  }
  return format;
}

/** An instant (ISO 8601 with a zone) in the user's locale and time zone, the zone named. */
export function formatInstant(iso: string, options: Options = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter('instant', options).format(date);
}

/** A calendar date (`YYYY-MM-DD`, or the date part of an ISO string) in the user's locale, no zone. */
export function formatPlainDate(iso: string, options: Omit<Options, 'timeZone'> = {}): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0];
  const date = day ? new Date(`${day}T00:00:00Z`) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter('date', options).format(date);
}
