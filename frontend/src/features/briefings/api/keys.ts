// The query keys of briefing requests: everything under `briefings`, so a write refreshes the list, the
// request, its history and its comments at once.
export const briefingsQueryKey = ['briefings'] as const;
export const briefingQueryKey = (id: string) => [...briefingsQueryKey, 'detail', id] as const;
