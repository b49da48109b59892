// GET /api/v1/webhooks/{id}/deliveries (newest first) and POST …/deliveries/{delivery_id}/replay, which
// sends a settled delivery again.
import { infiniteQueryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { deliveriesKey } from './keys';

export type Delivery = components['schemas']['WebhookDeliveryView'];

export const deliveriesPage =
  (id: string, limit = 25) =>
  (cursor: string | undefined, signal?: AbortSignal) =>
    unwrap(
      api.GET('/api/v1/webhooks/{id}/deliveries', {
        params: { path: { id }, query: { limit, cursor, sort: '-created_at' } },
        signal,
      }),
    );

export const deliveriesQueryOptions = (id: string) =>
  infiniteQueryOptions({
    queryKey: deliveriesKey(id),
    queryFn: ({ pageParam, signal }) => deliveriesPage(id)(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
    // A log is read to see what just happened: never served from the 30-second cache when opened again.
    staleTime: 0,
    // A pending delivery changes on its own (the job runner sends it): look again while one waits.
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((d) => d.status === 'pending')) ? 3000 : false,
  });

export function useReplayDelivery(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      unwrap(
        api.POST('/api/v1/webhooks/{id}/deliveries/{delivery_id}/replay', {
          params: { path: { id, delivery_id: deliveryId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveriesKey(id) }),
  });
}
