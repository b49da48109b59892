// The query keys of the tracker: everything under `prep-items`, so a write can refresh the board, the
// lists, the home card and the item at once.
export const prepItemsQueryKey = ['prep-items'] as const;
export const prepItemQueryKey = (id: string) => [...prepItemsQueryKey, 'detail', id] as const;
