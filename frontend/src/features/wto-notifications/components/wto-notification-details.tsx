// One WTO notification: what the member notified and until when it takes comments, and the impediments
// it matches that the user may read (the server lists no others and counts no others), each with when
// it was matched.
import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { formatInstant, formatPlainDate } from '@/lib/format-date';
import { useNames } from '@/lib/reference';

import { wtoNotificationQueryOptions } from '../api/get-wto-notifications';

export function WtoNotificationDetails({ id }: { id: string }) {
  const { t } = useTranslation();
  const names = useNames(['partner', 'ntm', 'delegation']);
  const one = useQuery(wtoNotificationQueryOptions(id));
  if (one.isPending) return <PageLoader />;
  if (one.isError) return <QueryError error={one.error} onRetry={() => void one.refetch()} />;
  const n = one.data;
  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Badge variant="light">{t(`wto.agreement.${n.agreement}`)}</Badge>
        <Text size="sm">{names.partner(n.notifying_member)}</Text>
        <Text size="sm" c="dimmed">
          {t('wto.distributedOn', { date: formatPlainDate(n.distributed_on) })}
        </Text>
      </Group>
      <Card withBorder>
        <Stack gap="xs">
          <Group gap={6}>
            <Text>
              <strong>{t('wto.fields.deadline')}:</strong>{' '}
              {n.comment_deadline ? formatPlainDate(n.comment_deadline) : t('wto.noDeadline')}
            </Text>
            {n.comment_open ? (
              <Badge size="sm" color="green" variant="light">
                {t('wto.open')}
              </Badge>
            ) : null}
          </Group>
          <Text>
            <strong>{t('wto.fields.products')}:</strong> {n.products || '—'}
          </Text>
          <Text>
            <strong>{t('wto.fields.hs')}:</strong> {n.hs_codes.join(', ') || '—'}
          </Text>
          {n.objective ? (
            <Text>
              <strong>{t('wto.fields.objective')}:</strong> {n.objective}
            </Text>
          ) : null}
        </Stack>
      </Card>
      <section aria-labelledby="wto-matches-title">
        <Title order={2} size="h3" id="wto-matches-title" mb="sm">
          {t('wto.matches.title', { count: n.matches.length })}
        </Title>
        {n.matches.length === 0 ? (
          <Text c="dimmed">{t('wto.matches.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table data-testid="wto-matches">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('wto.matches.impediment')}</Table.Th>
                  <Table.Th>{t('wto.matches.delegation')}</Table.Th>
                  <Table.Th>{t('wto.matches.ntm')}</Table.Th>
                  <Table.Th>{t('wto.fields.hs')}</Table.Th>
                  <Table.Th>{t('wto.matches.matchedOn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {n.matches.map((m) => (
                  <Table.Tr key={m.impediment_id}>
                    <Table.Td>
                      <Anchor component={Link} to={paths.impediment(m.impediment_id)}>
                        {m.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{names.delegation(m.delegation_id)}</Table.Td>
                    <Table.Td>{names.ntm(m.ntm_code)}</Table.Td>
                    <Table.Td>{m.hs_code ?? '—'}</Table.Td>
                    <Table.Td>{formatInstant(m.matched_on)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
    </Stack>
  );
}
