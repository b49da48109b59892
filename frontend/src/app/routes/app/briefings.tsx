// /briefings: the briefing requests the user may see — a delegation its own, an analyst the queue and
// what is assigned to them — as a sortable, counted, exportable list; delegates and focal points ask for
// a new one here.
import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { BriefingsList } from '@/features/briefings/components/briefings-list';
import { RequestBriefingForm } from '@/features/briefings/components/request-briefing-form';
import { useSignedInUser } from '@/lib/auth/use-user';
import { isDelegationMember } from '@/lib/domain-values';

export function BriefingsRoute() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const asks = isDelegationMember(user.role);
  const analyst = user.role === 'analyst' || user.role === 'admin';
  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <PageTitle documentTitle={t('briefing.list.title')}>{t('briefing.list.title')}</PageTitle>
        {asks && !asking ? <Button onClick={() => setAsking(true)}>{t('briefing.form.open')}</Button> : null}
      </Group>
      <Text c="dimmed" mb="md">
        {analyst ? t('briefing.list.introAnalyst') : t('briefing.list.intro')}
      </Text>
      {asking ? (
        <RequestBriefingForm onCancel={() => setAsking(false)} onCreated={(id) => void navigate(paths.briefing(id))} />
      ) : null}
      <BriefingsList analyst={analyst} />
    </>
  );
}
