// How a prep item's status and deadline read on screen. The deadline says in words whether it is overdue
// or due soon — the colour only repeats it, so the board reads the same without colour.
import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { formatPlainDate } from '@/lib/format-date';

import { deadlineState, todayIso } from '../lib/deadlines';
import { prepStatusLabel } from '../lib/prep-labels';

const statusColors: Record<string, string> = {
  identified: 'gray',
  drafting: 'indigo',
  capital_review: 'grape',
  agreed: 'blue',
  tabled: 'cyan',
  outcome_recorded: 'teal',
  withdrawn: 'red',
};

export function PrepStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={statusColors[status] ?? 'gray'} data-testid="prep-status">
      {prepStatusLabel(t, status)}
    </Badge>
  );
}

type DeadlineTextProps = {
  deadline?: string | null;
  status: string;
  /** The server's flag; when it says overdue, so does the page, whatever the user's clock. */
  overdue?: boolean;
  today?: string;
};

export function DeadlineText({ deadline, status, overdue, today = todayIso() }: DeadlineTextProps) {
  const { t } = useTranslation();
  if (!deadline) {
    return (
      <Text size="sm" c="dimmed" span>
        {t('prep.deadline.none')}
      </Text>
    );
  }
  const state = overdue ? 'overdue' : deadlineState(deadline, status, today);
  const date = formatPlainDate(deadline);
  if (state === 'overdue') {
    return (
      <Text size="sm" c="red.8" fw={700} span data-overdue="true" data-testid="prep-overdue">
        {t('prep.deadline.overdue', { date })}
      </Text>
    );
  }
  const key = state === 'due_soon' ? 'dueSoon' : state === 'closed' ? 'closed' : 'later';
  return (
    <Text size="sm" c={state === 'due_soon' ? 'orange.9' : undefined} fw={state === 'due_soon' ? 600 : undefined} span>
      {t(`prep.deadline.${key}`, { date })}
    </Text>
  );
}
