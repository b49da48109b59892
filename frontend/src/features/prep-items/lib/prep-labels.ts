// Translated labels for the prep items' enumerations, falling back to the raw value for one the UI does
// not know (a newer server's addition).
import type { TFunction } from 'i18next';

import { oneOf } from '@/lib/domain-values';

import { evidenceKinds, interests, ownerKinds, prepKinds, prepStatuses } from './prep-values';

export function prepStatusLabel(t: TFunction, value: string): string {
  const status = oneOf(prepStatuses, value);
  return status ? t(`prep.status.${status}`) : value;
}

export function prepKindLabel(t: TFunction, value: string): string {
  const kind = oneOf(prepKinds, value);
  return kind ? t(`prep.kind.${kind}`) : value;
}

export function interestLabel(t: TFunction, value: string): string {
  const interest = oneOf(interests, value);
  return interest ? t(`prep.interest.${interest}`) : value;
}

export function evidenceKindLabel(t: TFunction, value: string): string {
  const kind = oneOf(evidenceKinds, value);
  return kind ? t(`prep.evidence.kind.${kind}`) : value;
}

export function ownerKindLabel(t: TFunction, value: string): string {
  const kind = oneOf(ownerKinds, value);
  return kind ? t(`prep.owner.${kind}`) : value;
}

/** The label of the button that takes a step to `to` ("Send for capital review"). */
export function stepActionLabel(t: TFunction, to: string): string {
  const status = oneOf(prepStatuses, to);
  return status ? t(`prep.workflow.to.${status}`) : to;
}
