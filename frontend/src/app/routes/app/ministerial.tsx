// /ministerial: the tracker opens on the conference being prepared — the next one to start, else the
// most recent — and the board lets the user switch to another.
import { useQuery } from '@tanstack/react-query';
import { Navigate } from 'react-router';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { ministerialsQueryOptions } from '@/features/prep-items/api/get-ministerials';
import { currentMinisterial } from '@/features/prep-items/lib/ministerials';

export function MinisterialRoute() {
  const ministerials = useQuery(ministerialsQueryOptions());
  if (ministerials.isPending) return <PageLoader />;
  if (ministerials.isError) return <QueryError error={ministerials.error} onRetry={() => void ministerials.refetch()} />;
  const code = currentMinisterial(ministerials.data.items);
  return code ? <Navigate to={paths.ministerialBoard(code)} replace /> : <QueryError error={new Error('no ministerial')} />;
}
