// The board of one ministerial: a column per status in workflow order, each with its count and its
// first items by deadline as cards (title linking to the item, owner, kind, interest, deadline with the
// overdue mark). Columns scroll sideways on a narrow screen rather than squeezing the cards.
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import { priorityLabel } from '@/lib/labels';

import { boardColumns } from '../lib/board';
import { interestLabel, prepKindLabel, prepStatusLabel } from '../lib/prep-labels';
import type { Board, PrepCard } from '../lib/prep-types';

import { DeadlineText } from './prep-badges';

function BoardCard({ item, today }: { item: PrepCard; today?: string }) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p="sm"
      component="li"
      data-testid="prep-card"
      data-overdue={item.overdue ? 'true' : undefined}
      style={item.overdue ? { borderInlineStart: '4px solid var(--mantine-color-red-8)' } : undefined}
    >
      <Stack gap={4}>
        <Anchor component={Link} to={paths.prepItem(item.id)} fw={600}>
          {item.title}
        </Anchor>
        <Text size="xs" c="dimmed">
          {item.owner.name} · {prepKindLabel(t, item.kind)}
        </Text>
        <Group gap={4}>
          <Badge size="sm" variant="outline" color="gray">
            {interestLabel(t, item.interest)}
          </Badge>
          <Badge size="sm" variant="outline" color="gray">
            {priorityLabel(t, item.priority)}
          </Badge>
        </Group>
        <DeadlineText deadline={item.deadline} status={item.status} overdue={item.overdue} today={today} />
      </Stack>
    </Paper>
  );
}

export function PrepBoard({ board, today }: { board: Board; today?: string }) {
  const { t } = useTranslation();
  const columns = boardColumns(board.columns);
  const caption = t('prep.board.caption', { ministerial: board.ministerial.code });
  return (
    // A focusable region, so the columns that do not fit scroll with the keyboard too.
    <div role="region" aria-label={caption} tabIndex={0} style={{ overflowX: 'auto', paddingBottom: 8 }}>
      <Group
        align="flex-start"
        wrap="nowrap"
        gap="sm"
        role="list"
        aria-label={caption}
        data-testid="prep-board"
      >
        {columns.map((column) => {
          const heading = `board-column-${column.status}`;
          return (
            <section
              key={column.status}
              role="listitem"
              aria-labelledby={heading}
              data-status={column.status}
              style={{ minWidth: 240, width: 240, flex: '0 0 auto' }}
            >
              <Paper bg="var(--mantine-color-gray-0)" p="xs" radius="md">
                <Title order={2} size="h5" id={heading}>
                  {prepStatusLabel(t, column.status)}{' '}
                  <Text span size="sm" c="dimmed" fw={400}>
                    ({t('prep.board.columnCount', { count: column.total })})
                  </Text>
                </Title>
                {column.items.length === 0 ? (
                  <Text size="sm" c="dimmed" mt="xs">
                    {t('prep.board.empty')}
                  </Text>
                ) : (
                  <Stack gap="xs" mt="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                    {column.items.map((item) => (
                      <BoardCard key={item.id} item={item} today={today} />
                    ))}
                  </Stack>
                )}
                {column.hidden > 0 ? (
                  <Text size="xs" c="dimmed" mt="xs">
                    {t('prep.board.more', { count: column.hidden })}
                  </Text>
                ) : null}
              </Paper>
            </section>
          );
        })}
      </Group>
    </div>
  );
}
