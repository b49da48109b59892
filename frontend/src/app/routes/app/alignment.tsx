// /alignment: the alignment report for the user's delegation, or a coalition it belongs to (admins and
// analysts: any delegation or coalition). The drill-down from a topic shows the tracker's topic evidence.
import { NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { PageTitle } from '@/components/ui/page-title';
import { AlignmentReport } from '@/features/alignment/components/alignment-report';
import { coalitionsQueryOptions } from '@/features/prep-items/api/get-coalitions';
import { TopicEvidence } from '@/features/prep-items/components/topic-evidence';
import { ownerChoices, ownerFields } from '@/features/prep-items/lib/owner-options';
import { useSignedInUser } from '@/lib/auth/use-user';
import { delegationsQueryOptions } from '@/lib/reference';
import { defineSearchParams, param } from '@/lib/search-params';
import { useUrlFilters } from '@/lib/use-url-filters';

const reportParams = defineSearchParams({ owner: param.text(80) });

export function AlignmentRoute() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const [params, change] = useUrlFilters(reportParams);
  const staff = user.role === 'admin' || user.role === 'analyst';
  const coalitions = useQuery(coalitionsQueryOptions());
  const delegations = useQuery({ ...delegationsQueryOptions(), enabled: staff });
  // Staff choose among every owner, as an admin would; members among their delegation and its coalitions.
  const choices = ownerChoices(
    staff ? { role: 'admin' } : user,
    coalitions.data?.items ?? [],
    delegations.data?.items ?? [],
  );
  const chosen = choices.find((c) => c.value === params.owner) ?? choices[0];
  const owner = chosen ? ownerFields(chosen.value) : {};

  return (
    <Stack gap="md">
      <PageTitle documentTitle={t('alignment.documentTitle')}>{t('alignment.title')}</PageTitle>
      <Text c="dimmed" data-print="hide">
        {t('alignment.intro')}
      </Text>
      {choices.length > 1 ? (
        <NativeSelect
          label={t('alignment.owner')}
          value={chosen?.value ?? ''}
          onChange={(event) => change({ owner: event.currentTarget.value })}
          data={choices.map((c) => ({
            value: c.value,
            label: c.kind === 'coalition' ? t('alignment.coalition', { name: c.name }) : c.name,
          }))}
          maw={360}
          data-print="hide"
        />
      ) : null}
      {chosen || !staff ? (
        <AlignmentReport owner={owner} drill={(topicId) => <TopicEvidence topicId={topicId} owner={owner} />} />
      ) : null}
    </Stack>
  );
}
