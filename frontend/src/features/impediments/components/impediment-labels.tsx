// How an impediment's status and severity read on screen.
import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

import { oneOf } from '@/lib/domain-values';

import { frequencies, impedimentSources, impedimentStatuses } from '../lib/impediment-values';

const statusColors: Record<string, string> = {
  reported: 'gray',
  under_review: 'indigo',
  validated: 'blue',
  raised: 'grape',
  resolved: 'teal',
  dismissed: 'red',
};

export function impedimentStatusLabel(t: TFunction, value: string): string {
  const status = oneOf(impedimentStatuses, value);
  return status ? t(`impediments.status.${status}`) : value;
}

export function frequencyLabel(t: TFunction, value: string): string {
  const frequency = oneOf(frequencies, value);
  return frequency ? t(`impediments.frequency.${frequency}`) : value;
}

export function sourceLabel(t: TFunction, value: string): string {
  const source = oneOf(impedimentSources, value);
  return source ? t(`impediments.source.${source}`) : value;
}

/** "4 — High": the severity's number with its meaning. */
export function severityLabel(t: TFunction, value: number): string {
  return t(`impediments.severity.${value}`, { defaultValue: String(value) });
}

export function ImpedimentStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={statusColors[status] ?? 'gray'} data-testid="impediment-status">
      {impedimentStatusLabel(t, status)}
    </Badge>
  );
}
