// The user's open action items, most urgent first, each with its meeting and the way to mark it done:
// "my action items until done" (the home page shows the same list once the lead wires it there).
import { Anchor, Button, Card, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import { formatPlainDate } from '@/lib/format-date';

import { myOpenActionItemsQueryOptions, useMarkDone } from '../api/action-items';

export function MyActionItems() {
  const { t } = useTranslation();
  const items = useQuery(myOpenActionItemsQueryOptions());
  const markDone = useMarkDone();
  const rows = items.data?.items ?? [];
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('meetings.myActionItems')}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('meetings.noMyActionItems')}</Text>
      ) : (
        <Table data-testid="my-action-items">
          <Table.Tbody>
            {rows.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.title}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={paths.meeting(a.meeting_id)}>
                    {a.meeting_title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatPlainDate(a.due_on)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => markDone.mutate({ id: a.id, version: a.version })}>
                    {t('meetings.markDone')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
