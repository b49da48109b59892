// The query keys of imports: a run refreshes a shown import of the same id.
export const importsQueryKey = ['imports'] as const;
export const importQueryKey = (id: string) => [...importsQueryKey, 'detail', id] as const;
