// What the consultation pages need from other features: delegation names (for owners, and the owners an
// admin may choose) and the topics (to tag a consultation or a question). Composed here, in the app
// layer, because a feature may not import another.
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { delegationsQueryOptions } from '@/features/delegations/api/get-delegations';
import { allTopicsQueryOptions } from '@/features/topics/api/get-all-topics';

export function useConsultationContext() {
  const { t } = useTranslation();
  const delegations = useQuery(delegationsQueryOptions());
  const topics = useQuery(allTopicsQueryOptions());

  const ownerName = useCallback(
    (delegationId: string | null) => {
      if (delegationId === null) return t('consultations.owner.regional');
      const delegation = delegations.data?.items.find((d) => d.id === delegationId);
      return delegation ? `${delegation.name} (${delegation.country_code})` : t('common.none');
    },
    [delegations.data, t],
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
