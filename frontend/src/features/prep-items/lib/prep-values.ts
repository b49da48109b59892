// The prep items' enumerations (crates/domain/src/prep.rs), in the order the UI lists them: statuses in
// workflow order (the board's columns), then `withdrawn`. The OpenAPI document types them as strings, so
// a value a newer server adds still displays: `oneOf` narrows and callers fall back to the raw value.
import { oneOf } from '@/lib/domain-values';

export const prepKinds = ['position', 'proposal', 'declaration_text', 'decision', 'coalition_statement'] as const;
export type PrepKind = (typeof prepKinds)[number];

export const interests = ['offensive', 'defensive', 'neutral'] as const;
export type Interest = (typeof interests)[number];

export const prepStatuses = [
  'identified',
  'drafting',
  'capital_review',
  'agreed',
  'tabled',
  'outcome_recorded',
  'withdrawn',
] as const;
export type PrepStatus = (typeof prepStatuses)[number];

export const evidenceKinds = ['impediment', 'consultation_question'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export const ownerKinds = ['delegation', 'coalition'] as const;
export type OwnerKind = (typeof ownerKinds)[number];

/** No step leads out of these; an item in one is never overdue. */
export function isFinalStatus(status: string): boolean {
  return status === 'outcome_recorded' || status === 'withdrawn';
}

/** Proposals and declaration texts carry a Markdown text kept in versions; the server refuses texts on others. */
export function carriesText(kind: string): boolean {
  return kind === 'proposal' || kind === 'declaration_text';
}

/** The statuses in workflow order, unknown ones last in the order given (a newer server's additions). */
export function inWorkflowOrder<T extends { status: string }>(values: readonly T[]): T[] {
  const rank = (status: string) => {
    const known = oneOf(prepStatuses, status);
    return known ? prepStatuses.indexOf(known) : prepStatuses.length;
  };
  return values
    .map((value, index) => ({ value, index }))
    .sort((a, b) => rank(a.value.status) - rank(b.value.status) || a.index - b.index)
    .map(({ value }) => value);
}
