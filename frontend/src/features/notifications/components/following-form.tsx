// What the user follows: topics (from the catalogue), HS prefixes and partner markets. The server checks
// every code against the reference data and names each bad one; those messages appear on the fields.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, MultiSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { fieldErrorMessage, problemFrom, problemMessage } from '@/lib/problem';
import { allTopicsQueryOptions, useNames } from '@/lib/reference';

import { followsQueryOptions, usePutFollows } from '../api/follows';

type Values = { topics: string[]; hs_prefixes: string; partners: string };
const schema = z.object({ topics: z.array(z.string()), hs_prefixes: z.string(), partners: z.string() });

/** "03, 0306" → ["03", "0306"]. */
export function splitCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/** The server names bad entries as `partners[2]`: one message per list, naming the entries. */
function listErrors(error: unknown, sent: { hs_prefixes: string[]; partners: string[] }, labels: Record<string, string>) {
  const out: Partial<Record<'topics' | 'hs_prefixes' | 'partners', string>> = {};
  for (const e of problemFrom(error).errors) {
    const m = /^(topics|hs_prefixes|partners)(?:\[(\d+)\])?/.exec(e.field);
    if (!m) continue;
    const list = m[1] as 'topics' | 'hs_prefixes' | 'partners';
    const index = m[2] === undefined ? undefined : Number(m[2]);
    const code = list === 'topics' || index === undefined ? undefined : sent[list][index];
    // Worded from the stable code, not the server's English message (lib/problem.ts).
    const message = fieldErrorMessage(e.code, labels[list] ?? list);
    const line = code ? `${code}: ${message}` : message;
    out[list] = out[list] ? `${out[list]}; ${line}` : line;
  }
  return out;
}

export function FollowingForm() {
  const { t } = useTranslation();
  const follows = useQuery(followsQueryOptions());
  const topics = useQuery(allTopicsQueryOptions());
  const names = useNames(['partner']);
  const mutation = usePutFollows();
  const [saved, setSaved] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const { control, register, handleSubmit, reset, setError, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { topics: [], hs_prefixes: '', partners: '' },
  });

  useEffect(() => {
    if (follows.data) {
      reset({
        topics: follows.data.topics.map((topic) => topic.id),
        hs_prefixes: follows.data.hs_prefixes.join(', '),
        partners: follows.data.partners.join(', '),
      });
    }
  }, [follows.data, reset]);

  if (follows.isPending) return <PageLoader />;
  if (follows.isError) return <QueryError error={follows.error} onRetry={() => void follows.refetch()} />;

  const submit = handleSubmit(async (values) => {
    setSaved(false);
    setFormError(null);
    const body = { topics: values.topics, hs_prefixes: splitCodes(values.hs_prefixes), partners: splitCodes(values.partners) };
    try {
      await mutation.mutateAsync(body);
      setSaved(true);
    } catch (error) {
      const labels = {
        topics: t('notifications.following.topics'),
        hs_prefixes: t('notifications.following.hsPrefixes'),
        partners: t('notifications.following.partners'),
      };
      const byList = listErrors(error, body, labels);
      for (const [field, message] of Object.entries(byList)) setError(field as keyof Values, { message });
      setFormError(problemMessage(problemFrom(error), labels));
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="following-heading">
      <Stack gap="sm" maw={720}>
        <Title order={2} size="h3" id="following-heading">
          {t('notifications.following.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('notifications.following.help')}
        </Text>
        {formError ? (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        ) : null}
        <div role="status">{saved ? <Alert color="teal">{t('notifications.following.saved')}</Alert> : null}</div>
        <Controller
          control={control}
          name="topics"
          render={({ field, fieldState }) => (
            <MultiSelect
              label={t('notifications.following.topics')}
              data={(topics.data?.items ?? []).map((topic) => ({ value: topic.id, label: `${topic.code} — ${topic.title}` }))}
              searchable
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
            />
          )}
        />
        <TextInput
          label={t('notifications.following.hsPrefixes')}
          error={formState.errors.hs_prefixes?.message}
          {...register('hs_prefixes')}
        />
        <TextInput
          label={t('notifications.following.partners')}
          description={(follows.data?.partners ?? []).map((p) => `${p} — ${names.partner(p)}`).join(' · ')}
          error={formState.errors.partners?.message}
          {...register('partners')}
        />
        <Group>
          <Button type="submit" loading={formState.isSubmitting}>
            {t('notifications.following.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
