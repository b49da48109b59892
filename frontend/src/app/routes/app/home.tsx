// Home: the user's delegation and its watch-list. Users outside a delegation (admins, analysts) see
// the watch-list entries shared with them.
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { mayUse, navItems } from '@/components/layouts/nav-items';
import { PageTitle } from '@/components/ui/page-title';
import { DeadlinesCard } from '@/features/prep-items/components/deadlines-card';
import { WatchItemsList } from '@/features/watch-items/components/watch-items-list';
import { useSignedInUser } from '@/lib/auth/use-user';
import { roleLabel } from '@/lib/labels';

export function HomeRoute() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const delegation = user.delegation ?? null;
  const tracker = navItems.find((item) => item.key === 'ministerial');

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

      {tracker && mayUse(tracker, user.role) ? <DeadlinesCard /> : null}

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
