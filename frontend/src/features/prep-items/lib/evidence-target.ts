// An impediment target's facts as one line: "Status: Validated · 4 — High · from Bangladesh · Partner
// India". Labels come from the shared translation keys; an unknown value shows as it came.
import type { TFunction } from 'i18next';

import { oneOf } from '@/lib/domain-values';

// The registry's statuses and severities (the impediments feature's vocabulary, read here through the
// shared translation keys, since features do not import each other).
const impedimentStatuses = ['reported', 'under_review', 'validated', 'raised', 'resolved', 'dismissed'] as const;
const severities = ['1', '2', '3', '4', '5'] as const;

export type TargetLike = {
  status?: string | null;
  severity?: number | null;
  country?: string | null;
  partner?: string | null;
};

type Names = { country: (code: string) => string; partner: (code: string) => string };

export function targetFacts(t: TFunction, target: TargetLike, names: Names): string[] {
  const facts: string[] = [];
  if (target.status) {
    const status = oneOf(impedimentStatuses, target.status);
    facts.push(t('prep.evidence.status', { value: status ? t(`impediments.status.${status}`) : target.status }));
  }
  if (target.severity != null) {
    const severity = oneOf(severities, String(target.severity));
    facts.push(severity ? t(`impediments.severity.${severity}`) : String(target.severity));
  }
  if (target.country) facts.push(t('prep.evidence.country', { value: names.country(target.country) }));
  if (target.partner) facts.push(t('prep.evidence.partner', { value: names.partner(target.partner) }));
  return facts;
}
