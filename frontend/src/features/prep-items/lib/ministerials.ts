// Which conference the tracker opens on: the next one to start (the one being prepared), else the most
// recent. Dates are calendar dates (`YYYY-MM-DD`), compared as text.
import { todayIso } from './deadlines';

export function currentMinisterial(
  ministerials: readonly { code: string; starts_on?: string | null }[],
  today: string = todayIso(),
): string | undefined {
  const dated = ministerials.filter((m) => m.starts_on).sort((a, b) => (a.starts_on ?? '').localeCompare(b.starts_on ?? ''));
  const next = dated.find((m) => (m.starts_on ?? '') >= today);
  return (next ?? dated.at(-1) ?? ministerials[0])?.code;
}
