// What a list shows while its first page loads: grey bars where rows will be, announced as loading.
import { Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ListSkeleton({ rows = 6 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap={10} py="sm" role="status" aria-live="polite" aria-label={t('app.loading')} data-testid="list-loading">
      <Skeleton height={14} width="40%" />
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={28} />
      ))}
    </Stack>
  );
}
