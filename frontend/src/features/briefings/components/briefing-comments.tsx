// The conversation on a request: every comment, oldest first, and — for those who may write — a box to
// add one. Whoever reads the request reads its comments (the server decides).
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { applyProblemToForm } from '@/lib/form-errors';
import { formatInstant } from '@/lib/format-date';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';

import { briefingCommentsQueryOptions } from '../api/get-briefing';
import { useCommentBriefing } from '../api/write-briefing';

const COMMENT_MAX = 4000;

export function BriefingComments({ id, canComment }: { id: string; canComment: boolean }) {
  const { t } = useTranslation();
  const comments = useQuery(briefingCommentsQueryOptions(id));
  const mutation = useCommentBriefing(id);
  const idempotency = useIdempotencyKey();
  const [formError, setFormError] = useState<string | null>(null);
  const schema = useMemo(
    () =>
      z.object({
        body: z.string().check(z.trim(), z.minLength(1, t('briefing.comments.errors.body')), z.maxLength(COMMENT_MAX)),
      }),
    [t],
  );
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<{ body: string }>({ resolver: zodResolver(schema), defaultValues: { body: '' } });

  const submit = handleSubmit(async ({ body }) => {
    setFormError(null);
    const text = body.trim();
    try {
      await mutation.mutateAsync({ body: text, idempotencyKey: idempotency.keyFor({ body: text }) });
      idempotency.renew();
      reset();
    } catch (error) {
      setFormError(applyProblemToForm(error, ['body'] as const, setError, { body: t('briefing.comments.label') }));
    }
  });

  if (comments.isPending) return <PageLoader />;
  if (comments.isError) return <QueryError error={comments.error} onRetry={() => void comments.refetch()} />;
  const items = comments.data.items;
  return (
    <Stack gap="sm">
      {items.length === 0 ? <Text c="dimmed">{t('briefing.comments.empty')}</Text> : null}
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', paddingInlineStart: 0 }} data-testid="briefing-comments">
        {items.map((c) => (
          <Paper key={c.id} withBorder p="sm" component="li">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.body}
            </Text>
            <Text size="xs" c="dimmed">
              {c.author_name ?? t('briefing.comments.someone')} · {formatInstant(c.created_at)}
            </Text>
          </Paper>
        ))}
      </Stack>
      {canComment ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs" maw={640}>
            {formError ? (
              <Alert color="red" variant="light" role="alert">
                {formError}
              </Alert>
            ) : null}
            <Textarea
              label={t('briefing.comments.label')}
              autosize
              minRows={2}
              maxLength={COMMENT_MAX}
              error={errors.body?.message}
              {...register('body')}
            />
            <Button type="submit" loading={isSubmitting} w="fit-content">
              {t('briefing.comments.submit')}
            </Button>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
