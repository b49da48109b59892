// The briefing requests' vocabulary as the UI offers it, and its labels. Values the UI does not know yet
// (from a newer server) still display as the raw value.
import type { TFunction } from 'i18next';

import type { ApiResponse } from '@/api/types';

export type Briefing = ApiResponse<'/api/v1/briefing-requests/{id}'>;

export const briefingKinds = ['briefing_note', 'regional_update', 'research_study'] as const;
/** In workflow order; `declined` last. */
export const briefingStatuses = ['requested', 'accepted', 'in_progress', 'in_review', 'delivered', 'declined'] as const;

export type BriefingKind = (typeof briefingKinds)[number];
export type BriefingStatus = (typeof briefingStatuses)[number];

export function briefingKindLabel(t: TFunction, value: string): string {
  return t(`briefing.kind.${value}`, { defaultValue: value });
}

export function briefingStatusLabel(t: TFunction, value: string): string {
  return t(`briefing.status.${value}`, { defaultValue: value });
}

/** The button that takes a step: "Accept", "Decline", "Start work", … */
export function briefingStepLabel(t: TFunction, to: string): string {
  return t(`briefing.step.${to}`, { defaultValue: to });
}

/** The statuses in workflow order, whatever order they came in. */
export function inWorkflowOrder<T extends string>(statuses: readonly T[]): T[] {
  const rank = (s: string) => {
    const i = briefingStatuses.findIndex((v) => v === s);
    return i < 0 ? briefingStatuses.length : i;
  };
  return [...statuses].sort((a, b) => rank(a) - rank(b));
}
