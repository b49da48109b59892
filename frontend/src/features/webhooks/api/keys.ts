// The query keys of webhooks: everything under `webhooks`, so a new subscription or a replay refreshes
// the list and the delivery logs at once.
export const webhooksQueryKey = ['webhooks'] as const;
export const webhookListKey = (sort: string | undefined) => [...webhooksQueryKey, 'list', sort ?? ''] as const;
export const deliveriesKey = (id: string) => [...webhooksQueryKey, 'deliveries', id] as const;
