// A meeting's times as people read them: the server computes each zone's wall-clock start and end
// with the IANA database (so a daylight-saving change is right), and this module only words them —
// always with the zone named and its offset, because "10:00" alone is misread across the forum's
// capitals. The wall times are shown as sent (`YYYY-MM-DDTHH:MM`): re-parsing them in the browser's
// zone would shift them.
import type { MeetingLocalTimes } from './meeting-types';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `2027-03-25T14:45` → `Thu 25 Mar 2027, 14:45` (the calendar date is read as written, never shifted). */
export function formatWallTime(local: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) return local;
  const [, y, m, d, hh, mm] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const weekday = WEEKDAYS[date.getUTCDay()] ?? '';
  const month = MONTHS[Number(m) - 1] ?? m;
  return `${weekday} ${Number(d)} ${month} ${y}, ${hh}:${mm}`;
}

/** The end's time only when it is the same day as the start, else the whole end. */
export function formatWallRange(start: string, end: string): string {
  const sameDay = start.slice(0, 10) === end.slice(0, 10);
  return `${formatWallTime(start)}–${sameDay ? end.slice(11, 16) : formatWallTime(end)}`;
}

/** The city part of an IANA zone: `Asia/Kathmandu` → `Kathmandu`, `America/Argentina/Salta` → `Salta`. */
export function zoneCity(zone: string): string {
  const city = zone.split('/').pop() ?? zone;
  return city.replace(/_/g, ' ');
}

/** One line per zone: `Thu 25 Mar 2027, 14:45–16:15 — Kathmandu (Asia/Kathmandu, UTC+05:45)`. */
export function formatLocalTimes(times: Pick<MeetingLocalTimes, 'starts_local' | 'ends_local' | 'time_zone' | 'utc_offset'>): string {
  return `${formatWallRange(times.starts_local, times.ends_local)} — ${zoneCity(times.time_zone)} (${times.time_zone}, UTC${times.utc_offset})`;
}

/**
 * The hours and minutes between two zones' wall clocks at the same instant, as people say it
 * (`+4:45`): what the page shows next to each capital so the gap to Geneva is read at a glance.
 */
export function offsetGap(from: string, to: string): string {
  const minutes = (offset: string) => {
    const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
    if (!m) return 0;
    const value = Number(m[2]) * 60 + Number(m[3]);
    return m[1] === '-' ? -value : value;
  };
  const gap = minutes(to) - minutes(from);
  const sign = gap < 0 ? '−' : '+';
  const abs = Math.abs(gap);
  return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
}
