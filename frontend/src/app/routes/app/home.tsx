// Home: "what needs me today" in one request (GET /home) — unread notifications, deadlines this week,
// consultations closing, what is new on what the user follows — then the user's delegation and its
// watch-list. Users outside a delegation (admins, analysts) see the watch-list entries shared with them.
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { QueryError } from '@/components/ui/query-error';
import { homeQueryOptions } from '@/features/home/api/get-home';
import { HomeCards } from '@/features/home/components/home-cards';
import { WatchItemsList } from '@/features/watch-items/components/watch-items-list';
import { useSignedInUser } from '@/lib/auth/use-user';
import { roleLabel } from '@/lib/labels';

function Today() {
  const { t } = useTranslation();
  const home = useQuery(homeQueryOptions());
  return (
    <section aria-labelledby="today-heading">
      <Title order={2} size="h3" id="today-heading" mb="sm">
        {t('today.title')}
      </Title>
      {home.isPending ? (
        <PageLoader />
      ) : home.isError ? (
        <QueryError error={home.error} onRetry={() => void home.refetch()} />
      ) : (
        <HomeCards home={home.data} />
      )}
    </section>
  );
}

export function HomeRoute() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const delegation = user.delegation ?? null;

  return (
    <Stack gap="lg">
      <PageTitle documentTitle={t('nav.home')}>{t('home.welcome', { name: user.name })}</PageTitle>

      <Paper withBorder p="md">
        <Title order={2} size="h4" mb={4}>
          {t('home.delegation')}
        </Title>
        {delegation ? (
          <Text data-testid="home-delegation">
            {delegation.name} ({delegation.country_code}) · {roleLabel(t, user.role)}
          </Text>
        ) : (
          <Text data-testid="home-delegation">{t('home.noDelegation', { role: roleLabel(t, user.role) })}</Text>
        )}
      </Paper>

      <Today />

      <section aria-labelledby="watch-list-heading">
        <Title order={2} size="h3" id="watch-list-heading" mb="sm">
          {delegation ? t('home.watchList', { delegation: delegation.name }) : t('home.sharedWatchList')}
        </Title>
        <WatchItemsList
          filter={delegation ? { delegation: delegation.id } : {}}
          caption={delegation ? t('home.watchList', { delegation: delegation.name }) : t('home.sharedWatchList')}
          emptyMessage={delegation ? t('home.watchListEmpty') : t('home.sharedWatchListEmpty')}
        />
      </section>
    </Stack>
  );
}
