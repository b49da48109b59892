// The query keys of the library: everything under `documents`, so a write refreshes lists, searches and
// the document at once.
export const documentsQueryKey = ['documents'] as const;
export const documentQueryKey = (id: string) => [...documentsQueryKey, 'detail', id] as const;
