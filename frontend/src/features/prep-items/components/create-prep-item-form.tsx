// A new prep item for a ministerial: who owns it (the user's delegation or one of its coalitions), what it
// is (title, summary, kind, interest, priority), when it is due, who may see it and its topics. Rules
// only the server knows (a coalition's membership at the time, the topics' existence) are left to it:
// its field errors land next to the fields.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, MultiSelect, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { useSignedInUser } from '@/lib/auth/use-user';
import { priorities, visibilities, type Priority, type Visibility } from '@/lib/domain-values';
import { applyProblemToForm } from '@/lib/form-errors';
import { allTopicsQueryOptions, delegationsQueryOptions } from '@/lib/reference';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';

import { useCreatePrepItem } from '../api/create-prep-item';
import { coalitionsQueryOptions } from '../api/get-coalitions';
import { ministerialsQueryOptions } from '../api/get-ministerials';
import { ownerChoices, ownerFields, type OwnerChoice } from '../lib/owner-options';
import { interests, prepKinds, type Interest, type PrepKind } from '../lib/prep-values';

const TITLE_MAX = 200;
const SUMMARY_MAX = 4000;
const TOPICS_MAX = 10;

const fields = [
  'ministerial',
  'owner',
  'title',
  'summary',
  'kind',
  'interest',
  'priority',
  'deadline',
  'visibility',
  'topic_ids',
] as const;

type Values = {
  ministerial: string;
  owner: string;
  title: string;
  summary: string;
  kind: PrepKind;
  interest: Interest;
  priority: Priority;
  deadline: string;
  visibility: Visibility;
  topic_ids: string[];
};

type Props = { ministerial: string; onCreated: (created: { id: string }) => void; onCancel: () => void };

/** Waits for the coalitions and conferences, so the owner and ministerial choices start filled in. */
export function CreatePrepItemForm(props: Props) {
  const user = useSignedInUser();
  const coalitions = useQuery(coalitionsQueryOptions());
  const ministerials = useQuery(ministerialsQueryOptions());
  // Only an admin chooses among every delegation; the others own for their own.
  const delegations = useQuery({ ...delegationsQueryOptions(), enabled: user.role === 'admin' });
  if (coalitions.isPending || ministerials.isPending || (user.role === 'admin' && delegations.isPending)) {
    return <PageLoader />;
  }
  if (coalitions.isError) return <QueryError error={coalitions.error} onRetry={() => void coalitions.refetch()} />;
  if (ministerials.isError) return <QueryError error={ministerials.error} onRetry={() => void ministerials.refetch()} />;
  const choices = ownerChoices(user, coalitions.data.items, delegations.data?.items ?? []);
  const conferences = ministerials.data.items.map((m) => ({ value: m.code, label: `${m.code} — ${m.name}` }));
  return <PrepItemForm {...props} choices={choices} conferences={conferences} />;
}

function PrepItemForm({
  ministerial,
  onCreated,
  onCancel,
  choices,
  conferences,
}: Props & { choices: OwnerChoice[]; conferences: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const mutation = useCreatePrepItem();
  const idempotency = useIdempotencyKey();
  const [formError, setFormError] = useState<string | null>(null);
  const topics = useQuery(allTopicsQueryOptions());

  const schema = useMemo(() => {
    const required = (message: string, max: number) => z.string().check(z.trim(), z.minLength(1, message), z.maxLength(max));
    return z.object({
      ministerial: required(t('prep.form.errors.ministerial'), 16),
      owner: required(t('prep.form.errors.owner'), 100),
      title: required(t('prep.form.errors.title'), TITLE_MAX),
      summary: required(t('prep.form.errors.summary'), SUMMARY_MAX),
      kind: z.enum(prepKinds),
      interest: z.enum(interests),
      priority: z.enum(priorities),
      deadline: z.string(),
      visibility: z.enum(visibilities),
      topic_ids: z.array(z.string()).check(z.maxLength(TOPICS_MAX, t('prep.form.errors.topics'))),
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
      ministerial,
      owner: choices[0]?.value ?? '',
      title: '',
      summary: '',
      kind: 'position',
      interest: 'defensive',
      priority: 'high',
      deadline: '',
      visibility: 'delegation',
      topic_ids: [],
    },
  });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const body = {
      ministerial: values.ministerial,
      ...ownerFields(values.owner),
      title: values.title.trim(),
      summary: values.summary.trim(),
      kind: values.kind,
      interest: values.interest,
      priority: values.priority,
      deadline: values.deadline || null,
      visibility: values.visibility,
      topic_ids: values.topic_ids,
    };
    try {
      const created = await mutation.mutateAsync({ body, idempotencyKey: idempotency.keyFor(body) });
      idempotency.renew();
      onCreated(created);
    } catch (error) {
      setFormError(
        applyProblemToForm(error, fields, setError, {
          ministerial: t('prep.form.ministerial'),
          owner: t('prep.form.owner'),
          delegation_id: t('prep.form.owner'),
          coalition_id: t('prep.form.owner'),
          title: t('prep.form.titleField'),
          summary: t('prep.form.summary'),
          kind: t('prep.form.kind'),
          interest: t('prep.form.interest'),
          priority: t('prep.form.priority'),
          deadline: t('prep.form.deadline'),
          visibility: t('prep.form.visibility'),
          topic_ids: t('prep.form.topics'),
        }),
      );
    }
  });

  const topicOptions = (topics.data?.items ?? []).map((topic) => ({ value: topic.id, label: `${topic.code} — ${topic.title}` }));

  return (
    <form onSubmit={submit} noValidate aria-label={t('prep.form.title')}>
      <Stack gap="sm">
        {formError ? (
          <Alert color="red" variant="light" role="alert" title={t('prep.form.failed')}>
            {formError}
          </Alert>
        ) : null}
        <Group grow align="flex-start">
          <NativeSelect
            label={t('prep.form.ministerial')}
            error={errors.ministerial?.message}
            data={conferences.some((c) => c.value === ministerial) ? conferences : [...conferences, { value: ministerial, label: ministerial }]}
            withAsterisk
            {...register('ministerial')}
          />
          <NativeSelect
            label={t('prep.form.owner')}
            description={t('prep.form.ownerHelp')}
            error={errors.owner?.message}
            data={[
              ...(choices.length === 0 ? [{ value: '', label: t('prep.form.choose') }] : []),
              ...choices.map((c) => ({
                value: c.value,
                label:
                  c.kind === 'delegation'
                    ? t('prep.form.ownerDelegation', { name: c.name })
                    : t('prep.form.ownerCoalition', { name: c.name }),
              })),
            ]}
            withAsterisk
            {...register('owner')}
          />
        </Group>
        <TextInput
          label={t('prep.form.titleField')}
          error={errors.title?.message}
          maxLength={TITLE_MAX}
          withAsterisk
          {...register('title')}
        />
        <Textarea
          label={t('prep.form.summary')}
          description={t('prep.form.summaryHelp')}
          error={errors.summary?.message}
          autosize
          minRows={3}
          maxLength={SUMMARY_MAX}
          withAsterisk
          {...register('summary')}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label={t('prep.form.kind')}
            error={errors.kind?.message}
            data={prepKinds.map((k) => ({ value: k, label: t(`prep.kind.${k}`) }))}
            {...register('kind')}
          />
          <NativeSelect
            label={t('prep.form.interest')}
            error={errors.interest?.message}
            data={interests.map((i) => ({ value: i, label: t(`prep.interest.${i}`) }))}
            {...register('interest')}
          />
          <NativeSelect
            label={t('prep.form.priority')}
            error={errors.priority?.message}
            data={priorities.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
            {...register('priority')}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label={t('prep.form.deadline')}
            description={t('prep.form.deadlineHelp')}
            error={errors.deadline?.message}
            {...register('deadline')}
          />
          <NativeSelect
            label={t('prep.form.visibility')}
            error={errors.visibility?.message}
            data={visibilities.map((v) => ({ value: v, label: t(`visibility.${v}.label`) }))}
            {...register('visibility')}
          />
        </Group>
        <Controller
          control={control}
          name="topic_ids"
          render={({ field }) => (
            <MultiSelect
              label={t('prep.form.topics')}
              description={t('prep.form.topicsHelp')}
              error={errors.topic_ids?.message}
              data={topicOptions}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              maxValues={TOPICS_MAX}
              searchable
              clearable
              nothingFoundMessage={t('prep.form.nothingFound')}
              ref={field.ref}
            />
          )}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('prep.form.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('prep.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
