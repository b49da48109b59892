// How a topic's kind and status read on screen.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { topicStatusLabel } from '@/lib/labels';

const statusColors: Record<string, string> = { active: 'blue', concluded: 'teal', dormant: 'gray' };

export function TopicStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={statusColors[status] ?? 'gray'}>
      {topicStatusLabel(t, status)}
    </Badge>
  );
}
