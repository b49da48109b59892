// GET and PUT /api/v1/me/notification-settings: per kind, in-app and e-mail on or off.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiRequestBody } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { notificationSettingsKey } from './keys';

export type SettingsBody = ApiRequestBody<'/api/v1/me/notification-settings', 'put'>;

export const settingsQueryOptions = () =>
  queryOptions({
    queryKey: notificationSettingsKey,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/notification-settings', { signal })),
  });

export function usePutSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SettingsBody) => unwrap(api.PUT('/api/v1/me/notification-settings', { body })),
    onSuccess: (data) => queryClient.setQueryData(notificationSettingsKey, data),
  });
}
