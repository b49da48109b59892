// The alignment report's vocabulary and its row order: blind spots (concern without a position) and
// unsupported positions (a position without evidence) first — what needs the delegation's attention —
// then covered topics, then quiet ones; by concern within each group, then by topic code.
import { oneOf } from '@/lib/domain-values';

export const alignmentStatuses = ['blind_spot', 'unsupported', 'covered', 'quiet'] as const;
export type AlignmentStatus = (typeof alignmentStatuses)[number];

/** The report's columns after the topic, in heat-map order. */
export const alignmentMeasures = ['concern', 'prep_items', 'evidence_links', 'status'] as const;
export type AlignmentMeasure = (typeof alignmentMeasures)[number];

export type AlignmentRowLike = {
  topic: { code: string };
  concern: number;
  status: string;
};

function rank(status: string): number {
  const known = oneOf(alignmentStatuses, status);
  return known ? alignmentStatuses.indexOf(known) : alignmentStatuses.length;
}

export function orderRows<R extends AlignmentRowLike>(rows: readonly R[]): R[] {
  return [...rows].sort(
    (a, b) => rank(a.status) - rank(b.status) || b.concern - a.concern || a.topic.code.localeCompare(b.topic.code),
  );
}

/** Whether a row needs attention (listed first and named in the summary). */
export function needsAttention(status: string): boolean {
  return status === 'blind_spot' || status === 'unsupported';
}
