// Shows why a request failed, in words for people (lib/problem.ts), with the request id for support and
// a way to try again.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { problemFrom, problemMessage, problemTitle } from '@/lib/problem';

type QueryErrorProps = { error: unknown; onRetry?: () => void; title?: string };

export function QueryError({ error, onRetry, title }: QueryErrorProps) {
  const { t } = useTranslation();
  const problem = problemFrom(error);
  return (
    <Alert color="red" variant="light" title={title ?? problemTitle(problem)} role="alert">
      <Text size="sm">{problemMessage(problem)}</Text>
      {problem.requestId ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t('errors.requestId', { id: problem.requestId })}
        </Text>
      ) : null}
      {onRetry ? (
        <Group mt="sm">
          <Button size="xs" variant="outline" color="red" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        </Group>
      ) : null}
    </Alert>
  );
}
