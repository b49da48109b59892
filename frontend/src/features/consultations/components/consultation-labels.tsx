// How a consultation's status, languages and question kinds read on screen.
import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

import { oneOf } from '@/lib/domain-values';

import { consultationLanguages, consultationStatuses, questionKinds } from '../lib/consultation-values';

const statusColors: Record<string, string> = { draft: 'gray', open: 'teal', closed: 'indigo', archived: 'dark' };

export function consultationStatusLabel(t: TFunction, value: string): string {
  const status = oneOf(consultationStatuses, value);
  return status ? t(`consultations.status.${status}`) : value;
}

export function languageLabel(t: TFunction, code: string): string {
  const lang = oneOf(consultationLanguages, code);
  return lang ? t(`consultations.languages.${lang}`) : code;
}

export function questionKindLabel(t: TFunction, value: string): string {
  const kind = oneOf(questionKinds, value);
  return kind ? t(`consultations.kind.${kind}`) : value;
}

export function ConsultationStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={statusColors[status] ?? 'gray'} data-testid="consultation-status">
      {consultationStatusLabel(t, status)}
    </Badge>
  );
}
