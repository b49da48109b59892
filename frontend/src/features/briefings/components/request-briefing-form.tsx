// Asking for a briefing: what kind, the title and the question, its topics (named, not bare codes), the
// priority, when it is wished for and who may see the deliverable. Rules only the server knows (the
// topics' existence) are left to it: its field errors land next to the fields.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, MultiSelect, NativeSelect, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';

import { priorities, visibilities, type Priority, type Visibility } from '@/lib/domain-values';
import { applyProblemToForm } from '@/lib/form-errors';
import { priorityLabel, visibilityLabel } from '@/lib/labels';
import { allTopicsQueryOptions } from '@/lib/reference';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';

import { useCreateBriefing } from '../api/write-briefing';
import { briefingKindLabel, briefingKinds, type BriefingKind } from '../lib/briefing-values';

const TITLE_MAX = 200;
const QUESTION_MAX = 8000;
const TOPICS_MAX = 10;

const fields = ['kind', 'title', 'question', 'topic_ids', 'priority', 'wished_date', 'visibility'] as const;

type Values = {
  kind: BriefingKind;
  title: string;
  question: string;
  topic_ids: string[];
  priority: Priority;
  wished_date: string;
  visibility: Visibility;
};

export function RequestBriefingForm({ onCreated, onCancel }: { onCreated: (id: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const mutation = useCreateBriefing();
  const idempotency = useIdempotencyKey();
  const [formError, setFormError] = useState<string | null>(null);
  const topics = useQuery(allTopicsQueryOptions());

  const schema = useMemo(() => {
    const required = (message: string, max: number) => z.string().check(z.trim(), z.minLength(1, message), z.maxLength(max));
    return z.object({
      kind: z.enum(briefingKinds),
      title: required(t('briefing.form.errors.title'), TITLE_MAX),
      question: required(t('briefing.form.errors.question'), QUESTION_MAX),
      topic_ids: z.array(z.string()).check(z.maxLength(TOPICS_MAX, t('briefing.form.errors.topics'))),
      priority: z.enum(priorities),
      wished_date: z.string(),
      visibility: z.enum(visibilities),
    });
  }, [t]);

  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      kind: 'briefing_note',
      title: '',
      question: '',
      topic_ids: [],
      priority: 'medium',
      wished_date: '',
      visibility: 'delegation',
    },
  });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const body = {
      kind: values.kind,
      title: values.title.trim(),
      question: values.question.trim(),
      topic_ids: values.topic_ids,
      priority: values.priority,
      wished_date: values.wished_date || null,
      visibility: values.visibility,
    };
    try {
      const created = await mutation.mutateAsync({ body, idempotencyKey: idempotency.keyFor(body) });
      idempotency.renew();
      onCreated(created.id);
    } catch (error) {
      setFormError(
        applyProblemToForm(error, fields, setError, {
          kind: t('briefing.fields.kind'),
          title: t('briefing.fields.title'),
          question: t('briefing.fields.question'),
          topic_ids: t('briefing.fields.topics'),
          priority: t('briefing.fields.priority'),
          wished_date: t('briefing.fields.wishedDate'),
          visibility: t('briefing.fields.visibility'),
        }),
      );
    }
  });

  const topicChoices = (topics.data?.items ?? []).map((topic) => ({ value: topic.id, label: `${topic.code} — ${topic.title}` }));

  return (
    <Paper withBorder p="md" maw={760}>
      <form onSubmit={submit} noValidate aria-labelledby="briefing-form-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="briefing-form-heading">
            {t('briefing.form.title')}
          </Title>
          {formError ? (
            <Alert color="red" variant="light" role="alert" title={t('briefing.form.failed')}>
              {formError}
            </Alert>
          ) : null}
          <NativeSelect
            label={t('briefing.fields.kind')}
            data={briefingKinds.map((k) => ({ value: k, label: briefingKindLabel(t, k) }))}
            error={errors.kind?.message}
            {...register('kind')}
          />
          <TextInput
            label={t('briefing.fields.title')}
            withAsterisk
            maxLength={TITLE_MAX}
            error={errors.title?.message}
            data-autofocus
            {...register('title')}
          />
          <Textarea
            label={t('briefing.fields.question')}
            description={t('briefing.form.questionHelp')}
            withAsterisk
            autosize
            minRows={3}
            maxLength={QUESTION_MAX}
            error={errors.question?.message}
            {...register('question')}
          />
          <Controller
            control={control}
            name="topic_ids"
            render={({ field }) => (
              <MultiSelect
                label={t('briefing.fields.topics')}
                data={topicChoices}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                searchable
                clearable
                maxValues={TOPICS_MAX}
                error={errors.topic_ids?.message}
              />
            )}
          />
          <Group grow align="flex-start">
            <NativeSelect
              label={t('briefing.fields.priority')}
              data={priorities.map((p) => ({ value: p, label: priorityLabel(t, p) }))}
              error={errors.priority?.message}
              {...register('priority')}
            />
            <TextInput
              type="date"
              label={t('briefing.fields.wishedDate')}
              error={errors.wished_date?.message}
              {...register('wished_date')}
            />
            <NativeSelect
              label={t('briefing.fields.visibility')}
              description={t('briefing.form.visibilityHelp')}
              data={visibilities.map((v) => ({ value: v, label: visibilityLabel(t, v) }))}
              error={errors.visibility?.message}
              {...register('visibility')}
            />
          </Group>
          <Group>
            <Button type="submit" loading={isSubmitting}>
              {t('briefing.form.submit')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('briefing.form.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
