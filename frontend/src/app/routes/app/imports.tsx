// /imports: a file of the records the user's role may import, checked first and then imported, with
// what came of it; /imports/:id shows a past import's report (the link an `import.finished` webhook
// carries). Paper answers are imported to a consultation: the page loads the ones the user can import
// answers for (composed here: a feature may not import another) once that kind is chosen.
import { Grid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { QueryError } from '@/components/ui/query-error';
import { allConsultationsQueryOptions } from '@/features/consultations/api/get-all-consultations';
import { importQueryOptions } from '@/features/imports/api/get-import';
import { ImportForm } from '@/features/imports/components/import-form';
import { ImportResult } from '@/features/imports/components/import-result';
import type { ConsultationChoices, Import, ImportKind } from '@/features/imports/lib/import-values';
import { useSignedInUser } from '@/lib/auth/use-user';
import { useNames } from '@/lib/reference';

/** The consultations whose answers the user can import: their delegation's (every delegation's for an
 * admin), open or closed — the server refuses a draft, an archived one and a regional one (no owning
 * delegation takes its answers). */
function useConsultationChoices(wanted: boolean): ConsultationChoices {
  const user = useSignedInUser();
  const admin = user.role === 'admin';
  const delegation = admin ? undefined : user.delegation?.id;
  const names = useNames(admin && wanted ? ['delegation'] : []);
  const query = useQuery({
    ...allConsultationsQueryOptions({ statuses: ['open', 'closed'], delegation }),
    // A member without a delegation owns no consultation: nothing to ask for.
    enabled: wanted && (admin || delegation !== undefined),
  });
  const { data, error, refetch } = query;
  const items = useMemo(
    () =>
      (data ?? []).flatMap((c) => {
        if (!c.delegation_id) return [];
        // An admin sees every delegation's: the owner tells two of the same title apart (once named —
        // until the delegations load, the title alone rather than an id).
        const owner = admin ? names.delegation(c.delegation_id) : c.delegation_id;
        const label = owner === c.delegation_id ? c.title : `${c.title} — ${owner}`;
        return [{ id: c.id, label, delegationId: c.delegation_id }];
      }),
    [data, admin, names],
  );
  if (!admin && delegation === undefined) return { status: 'success', items: [] };
  if (query.isError) return { status: 'error', error, retry: () => void refetch() };
  if (query.isPending) return { status: 'pending' };
  return { status: 'success', items };
}

export function ImportsRoute() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const [result, setResult] = useState<Import | null>(null);
  const [kind, setKind] = useState<ImportKind | null>(null);
  const consultations = useConsultationChoices(kind === 'consultation_responses');
  return (
    <>
      <PageTitle documentTitle={t('imports.title')}>{t('imports.title')}</PageTitle>
      <Text c="dimmed" mb="md">
        {t('imports.intro')}
      </Text>
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <ImportForm userRole={user.role} consultations={consultations} onKindChange={setKind} onResult={setResult} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {result ? <ImportResult result={result} /> : <Text c="dimmed">{t('imports.nothingYet')}</Text>}
        </Grid.Col>
      </Grid>
    </>
  );
}

export function ImportRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery(importQueryOptions(id));
  return (
    <>
      <PageTitle documentTitle={t('imports.oneTitle')}>{t('imports.oneTitle')}</PageTitle>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ImportResult result={query.data} />
      )}
    </>
  );
}
