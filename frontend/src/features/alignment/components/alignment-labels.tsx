// An alignment status as a badge: its name in words (and an icon-free colour that only repeats it).
import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

import { oneOf } from '@/lib/domain-values';

import { alignmentStatuses } from '../lib/alignment-values';

// Shades whose text (white, or black where autoContrast picks it) stays above 4.5:1.
const colors: Record<string, string> = { blind_spot: 'red.9', unsupported: 'orange.3', covered: 'teal.9', quiet: 'gray.7' };

export function alignmentStatusLabel(t: TFunction, value: string): string {
  const status = oneOf(alignmentStatuses, value);
  return status ? t(`alignment.status.${status}`) : value;
}

export function alignmentStatusHelp(t: TFunction, value: string): string | null {
  const status = oneOf(alignmentStatuses, value);
  return status ? t(`alignment.statusHelp.${status}`) : null;
}

export function AlignmentStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" autoContrast color={colors[status] ?? 'gray.7'} data-testid="alignment-status" data-status={status}>
      {alignmentStatusLabel(t, status)}
    </Badge>
  );
}
