// How a watch item's priority and visibility read on screen.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { priorityLabel, visibilityLabel } from '@/lib/labels';

const priorityColors: Record<string, string> = { high: 'red', medium: 'blue', low: 'gray' };

export function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useTranslation();
  return (
    // Filled for high: red text on a light red tint over a striped row falls under 4.5:1.
    <Badge variant={priority === 'high' ? 'filled' : 'light'} color={priorityColors[priority] ?? 'gray'}>
      {priorityLabel(t, priority)}
    </Badge>
  );
}

export function VisibilityLabel({ visibility }: { visibility: string }) {
  const { t } = useTranslation();
  return <>{visibilityLabel(t, visibility)}</>;
}
