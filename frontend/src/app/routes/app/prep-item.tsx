// /prep-items/:id: one prep item — its facts, the workflow steps the user may take and the history, the
// text (proposals and declarations), the evidence with its strength, and the way to its trace. A prep
// item the user may not read is "not found", exactly like one that does not exist.
import { Anchor, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { prepItemQueryOptions } from '@/features/prep-items/api/get-prep-item';
import { EvidencePanel } from '@/features/prep-items/components/evidence-panel';
import { EvidenceStrengthPanel } from '@/features/prep-items/components/evidence-strength';
import { PrepItemDetails } from '@/features/prep-items/components/prep-item-details';
import { PrepStepsList } from '@/features/prep-items/components/prep-steps-list';
import { PrepWorkflow } from '@/features/prep-items/components/prep-workflow';
import { TextPanel } from '@/features/prep-items/components/text-panel';
import { carriesText } from '@/features/prep-items/lib/prep-values';
import { problemFrom } from '@/lib/problem';

export function PrepItemRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const item = useQuery(prepItemQueryOptions(id));

  if (item.isPending) return <PageLoader />;
  if (item.isError) {
    const status = problemFrom(item.error).status;
    const title = status === 404 ? t('prep.item.notFound') : t('prep.item.failed');
    return (
      <Stack gap="sm">
        <PageTitle documentTitle={title}>{title}</PageTitle>
        {status === 404 ? null : <QueryError error={item.error} onRetry={() => void item.refetch()} />}
        <Anchor component={Link} to={paths.ministerial}>
          {t('prep.item.back')}
        </Anchor>
      </Stack>
    );
  }

  const data = item.data;
  return (
    <Stack gap="xl">
      <div>
        <Group justify="space-between" wrap="wrap">
          <Anchor component={Link} to={paths.ministerialBoard(data.ministerial.code)} size="sm">
            {t('prep.item.back')}
          </Anchor>
          <Anchor component={Link} to={paths.prepItemTrace(data.id)} size="sm">
            {t('prep.item.trace')}
          </Anchor>
        </Group>
        <PageTitle documentTitle={data.title}>{data.title}</PageTitle>
        <PrepItemDetails item={data} />
      </div>
      <Group align="flex-start" grow wrap="wrap">
        <section aria-labelledby="prep-workflow-heading">
          <Title order={2} size="h3" id="prep-workflow-heading" mb="xs">
            {t('prep.workflow.title')}
          </Title>
          <PrepWorkflow itemId={data.id} stepsOpen={data.steps_open} />
        </section>
        <section aria-labelledby="prep-history-heading">
          <Title order={2} size="h3" id="prep-history-heading" mb="xs">
            {t('prep.history.title')}
          </Title>
          <PrepStepsList itemId={data.id} />
        </section>
      </Group>
      {carriesText(data.kind) ? (
        <section aria-labelledby="prep-text-heading">
          <Title order={2} size="h3" id="prep-text-heading" mb="xs">
            {t('prep.text.title')}
          </Title>
          <TextPanel itemId={data.id} textNumber={data.text_number ?? 0} canEdit={data.can_edit} />
        </section>
      ) : null}
      <section aria-labelledby="prep-strength-heading">
        <Title order={2} size="h3" id="prep-strength-heading" mb="xs">
          {t('prep.strength.title')}
        </Title>
        <EvidenceStrengthPanel itemId={data.id} />
      </section>
      <section aria-labelledby="prep-evidence-heading">
        <Title order={2} size="h3" id="prep-evidence-heading" mb="xs">
          {t('prep.evidence.title')}
        </Title>
        <EvidencePanel itemId={data.id} canEdit={data.can_edit} topics={data.topics} />
      </section>
    </Stack>
  );
}
