// /webhooks: the caller's subscriptions, a new one (its secret shown once), and the chosen one's
// delivery log with replay.
import { Grid, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PageTitle } from '@/components/ui/page-title';
import { CreateWebhookForm } from '@/features/webhooks/components/create-webhook-form';
import { DeliveriesTable } from '@/features/webhooks/components/deliveries-table';
import { WebhooksList } from '@/features/webhooks/components/webhooks-list';

export function WebhooksRoute() {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string | null>(null);
  const select = useCallback((id: string) => setSelected(id), []);
  return (
    <>
      <PageTitle documentTitle={t('webhooks.title')}>{t('webhooks.title')}</PageTitle>
      <Text c="dimmed" mb="md">
        {t('webhooks.intro')}
      </Text>
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <WebhooksList selected={selected} onSelect={select} />
          {selected ? (
            <section aria-labelledby="webhook-log-title">
              <Title order={2} size="h3" mt="lg" mb="sm" id="webhook-log-title">
                {t('webhooks.deliveries.title')}
              </Title>
              <DeliveriesTable subscriptionId={selected} />
            </section>
          ) : null}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Title order={2} size="h3" mb="sm">
            {t('webhooks.form.title')}
          </Title>
          <CreateWebhookForm onCreated={select} />
        </Grid.Col>
      </Grid>
    </>
  );
}
