// Translated labels for enumeration values, falling back to the raw value for one the UI does not know.
import type { TFunction } from 'i18next';

import { oneOf, priorities, roles, topicKinds, topicStatuses, visibilities } from './domain-values';

export function roleLabel(t: TFunction, value: string): string {
  const role = oneOf(roles, value);
  return role ? t(`roles.${role}`) : value;
}

export function topicKindLabel(t: TFunction, value: string): string {
  const kind = oneOf(topicKinds, value);
  return kind ? t(`topicKind.${kind}`) : value;
}

export function topicStatusLabel(t: TFunction, value: string): string {
  const status = oneOf(topicStatuses, value);
  return status ? t(`topicStatus.${status}`) : value;
}

export function priorityLabel(t: TFunction, value: string): string {
  const priority = oneOf(priorities, value);
  return priority ? t(`priority.${priority}`) : value;
}

export function visibilityLabel(t: TFunction, value: string): string {
  const visibility = oneOf(visibilities, value);
  return visibility ? t(`visibility.${visibility}.label`) : value;
}
