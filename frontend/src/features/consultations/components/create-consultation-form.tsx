// Starts a consultation: title, description, owner (a member's own delegation; for admins any
// delegation or the region), who may see it, its languages (English always) and topics, and optional
// opening and closing times. It is created as a draft; the questionnaire is built on its page.
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';

import type { Visibility } from '@/lib/domain-values';
import { applyProblemToForm } from '@/lib/form-errors';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';

import { useCreateConsultation } from '../api/create-consultation';
import { consultationFieldLabels } from '../lib/consultation-field-labels';
import { consultationLanguages, type Consultation } from '../lib/consultation-values';

import { languageLabel } from './consultation-labels';

const fields = [
  'title',
  'description',
  'delegation_id',
  'regional',
  'visibility',
  'languages',
  'topic_ids',
  'opens_at',
  'closes_at',
] as const;

export const REGIONAL = 'regional';

type Values = {
  title: string;
  description: string;
  owner: string;
  visibility: string;
  languages: string[];
  topic_ids: string[];
  opens_at: string;
  closes_at: string;
};

type Option = { value: string; label: string };

export type CreateConsultationFormProps = {
  /** Admins choose the owner among these (and the region); members own it through their delegation. */
  ownerOptions: Option[] | null;
  ownDelegation?: Option;
  topicOptions: Option[];
  onCreated: (consultation: Consultation) => void;
  onCancel: () => void;
};

/** A `datetime-local` value (the user's local time) as an RFC 3339 instant; null when empty. */
export function localToInstant(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function CreateConsultationForm({
  ownerOptions,
  ownDelegation,
  topicOptions,
  onCreated,
  onCancel,
}: CreateConsultationFormProps) {
  const { t } = useTranslation();
  const mutation = useCreateConsultation();
  const idempotency = useIdempotencyKey();
  const [formError, setFormError] = useState<string | null>(null);

  const schema = useMemo(
    () =>
      z
        .object({
          title: z.string().check(z.trim(), z.minLength(1, t('consultations.form.errors.title'))),
          description: z.string(),
          owner: z.string().check(z.minLength(1, t('consultations.form.errors.owner'))),
          visibility: z.string(),
          languages: z.array(z.string()),
          topic_ids: z.array(z.string()),
          opens_at: z.string(),
          closes_at: z.string(),
        })
        .check(
          z.refine((v) => !v.opens_at || !v.closes_at || new Date(v.closes_at) > new Date(v.opens_at), {
            message: t('consultations.form.errors.closesAfterOpens'),
            path: ['closes_at'],
          }),
        ),
    [t],
  );

  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      title: '',
      description: '',
      owner: ownDelegation?.value ?? '',
      visibility: 'delegation',
      languages: [],
      topic_ids: [],
      opens_at: '',
      closes_at: '',
    },
  });

  const regional = useWatch({ control, name: 'owner' }) === REGIONAL;
  const visibilityOptions = (regional ? ['regional', 'public'] : ['delegation', 'regional', 'public']).map((v) => ({
    value: v,
    label: t(`visibility.${v as 'delegation'}.label`),
  }));

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const visibility = regional && values.visibility === 'delegation' ? 'regional' : values.visibility;
    try {
      const body = {
        title: values.title.trim(),
        description: values.description.trim() || null,
        ...(ownerOptions ? (regional ? { regional: true } : { delegation_id: values.owner }) : {}),
        visibility: visibility as Visibility,
        languages: ['en' as const, ...consultationLanguages.filter((l) => l !== 'en' && values.languages.includes(l))],
        topic_ids: values.topic_ids,
        opens_at: localToInstant(values.opens_at),
        closes_at: localToInstant(values.closes_at),
      };
      const created = await mutation.mutateAsync({ idempotencyKey: idempotency.keyFor(body), body });
      onCreated(created);
    } catch (error) {
      // The server names the owner `delegation_id` or `regional`; both belong to the owner select.
      const message = applyProblemToForm(
        error,
        fields,
        (field, err, options) =>
          setError(field === 'delegation_id' || field === 'regional' ? 'owner' : (field as keyof Values), err, options),
        consultationFieldLabels(t),
      );
      setFormError(message);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('consultations.form.title')}>
      <Stack gap="sm">
        {formError ? (
          <Alert color="red" variant="light" role="alert" title={t('consultations.form.failed')}>
            {formError}
          </Alert>
        ) : null}
        <TextInput
          label={t('consultations.form.titleField')}
          error={errors.title?.message}
          withAsterisk
          {...register('title')}
        />
        <Textarea
          label={t('consultations.form.description')}
          description={t('consultations.form.descriptionHelp')}
          error={errors.description?.message}
          autosize
          minRows={3}
          {...register('description')}
        />
        <Group grow align="flex-start">
          {ownerOptions ? (
            <NativeSelect
              label={t('consultations.form.owner')}
              error={errors.owner?.message}
              withAsterisk
              data={[
                { value: '', label: t('consultations.form.choose') },
                { value: REGIONAL, label: t('consultations.owner.regional') },
                ...ownerOptions,
              ]}
              {...register('owner')}
            />
          ) : (
            <TextInput label={t('consultations.form.owner')} value={ownDelegation?.label ?? ''} readOnly />
          )}
          <NativeSelect
            label={t('consultations.form.visibility')}
            error={errors.visibility?.message}
            data={visibilityOptions}
            {...register('visibility')}
          />
        </Group>
        <Controller
          control={control}
          name="languages"
          render={({ field }) => (
            <Checkbox.Group
              label={t('consultations.form.languages')}
              description={t('consultations.form.languagesHelp')}
              error={errors.languages?.message}
              value={field.value}
              onChange={field.onChange}
            >
              <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing={6} mt={6}>
                {consultationLanguages.map((lang) =>
                  lang === 'en' ? (
                    <Checkbox key={lang} value="en" label={languageLabel(t, lang)} checked disabled readOnly />
                  ) : (
                    <Checkbox key={lang} value={lang} label={languageLabel(t, lang)} />
                  ),
                )}
              </SimpleGrid>
            </Checkbox.Group>
          )}
        />
        <Controller
          control={control}
          name="topic_ids"
          render={({ field }) => (
            <MultiSelect
              label={t('consultations.form.topics')}
              description={t('consultations.form.topicsHelp')}
              error={errors.topic_ids?.message}
              data={topicOptions}
              value={field.value}
              onChange={field.onChange}
              searchable
              clearable
              nothingFoundMessage={t('consultations.form.noTopic')}
            />
          )}
        />
        <Group grow align="flex-start">
          <TextInput
            type="datetime-local"
            label={t('consultations.form.opensAt')}
            description={t('consultations.form.opensAtHelp')}
            error={errors.opens_at?.message}
            {...register('opens_at')}
          />
          <TextInput
            type="datetime-local"
            label={t('consultations.form.closesAt')}
            description={t('consultations.form.closesAtHelp')}
            error={errors.closes_at?.message}
            {...register('closes_at')}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {t('consultations.form.draftNote')}
        </Text>
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {t('consultations.form.submit')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('consultations.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
