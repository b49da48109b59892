// The evidence strength of a prep item or a topic, loaded and shown as figures.
import { useQuery } from '@tanstack/react-query';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';

import { prepItemStrengthQueryOptions, topicStrengthQueryOptions } from '../api/get-strength';

import { EvidenceStrengthFigures } from './evidence-strength-figures';

export function EvidenceStrengthPanel({ itemId, topicId }: { itemId?: string; topicId?: string }) {
  const strength = useQuery(
    itemId !== undefined ? prepItemStrengthQueryOptions(itemId) : topicStrengthQueryOptions(topicId ?? ''),
  );
  if (strength.isPending) return <PageLoader />;
  if (strength.isError) return <QueryError error={strength.error} onRetry={() => void strength.refetch()} />;
  return <EvidenceStrengthFigures strength={strength.data} />;
}
