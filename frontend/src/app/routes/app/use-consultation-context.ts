// What the consultation pages need besides the consultation: delegation names (for owners, and the owners
// an admin may choose) and the topics (to tag a consultation or a question), from the shared reference
// data (lib/reference).
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { allTopicsQueryOptions, delegationsQueryOptions, useNames } from '@/lib/reference';

export function useConsultationContext() {
  const { t } = useTranslation();
  const delegations = useQuery(delegationsQueryOptions());
  const topics = useQuery(allTopicsQueryOptions());
  const names = useNames(['delegation']);

  const ownerName = useCallback(
    (delegationId: string | null) =>
      delegationId === null ? t('consultations.owner.regional') : names.delegation(delegationId),
    [names, t],
  );

  const delegationOptions = useMemo(
    () => (delegations.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.name} (${d.country_code})` })),
    [delegations.data],
  );

  const topicOptions = useMemo(
    () => (topics.data?.items ?? []).map((topic) => ({ value: topic.id, label: `${topic.code} — ${topic.title}` })),
    [topics.data],
  );

  return { ownerName, delegationOptions, topicOptions };
}
