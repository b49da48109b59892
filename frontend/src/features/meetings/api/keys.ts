// The query keys of meetings: everything under `meetings`, so a write refreshes the list, the meeting
// and the action items at once.
export const meetingsQueryKey = ['meetings'] as const;
export const meetingQueryKey = (id: string) => [...meetingsQueryKey, 'detail', id] as const;
export const actionItemsQueryKey = [...meetingsQueryKey, 'action-items'] as const;
