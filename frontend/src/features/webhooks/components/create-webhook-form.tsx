// A new subscription: where to send (an http(s) URL; the server refuses private addresses unless its
// operator allows them) and which events, as checkboxes. The answer's signing secret is shown once,
// with what to do with it; the server never shows it again.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Code, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';

import { applyProblemToForm } from '@/lib/form-errors';

import { useCreateWebhook, type WebhookEvent } from '../api/create-webhook';
import { isWebhookUrl, WEBHOOK_EVENTS } from '../lib/webhook-values';

type Values = { url: string; events: WebhookEvent[]; description: string };
const fields = ['url', 'events', 'description'] as const;

export function CreateWebhookForm({ onCreated }: { onCreated?: (id: string) => void }) {
  const { t } = useTranslation();
  const mutation = useCreateWebhook();
  const [formError, setFormError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const schema = useMemo(
    () =>
      z.object({
        url: z.string().check(z.refine(isWebhookUrl, { message: t('webhooks.form.badUrl') })),
        events: z.array(z.enum(WEBHOOK_EVENTS)).check(z.minLength(1, { message: t('webhooks.form.noEvents') })),
        description: z.string().check(z.maxLength(200, { message: t('webhooks.form.tooLong') })),
      }),
    [t],
  );
  const {
    control,
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { url: '', events: [], description: '' } });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    setSecret(null);
    try {
      const made = await mutation.mutateAsync({
        url: values.url.trim(),
        events: values.events,
        description: values.description.trim() || null,
      });
      setSecret(made.secret ?? null);
      reset();
      onCreated?.(made.id);
    } catch (error) {
      setFormError(
        applyProblemToForm(error, fields, setError, {
          url: t('webhooks.form.url'),
          events: t('webhooks.form.events'),
          description: t('webhooks.form.description'),
        }),
      );
    }
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('webhooks.form.title')}>
      <Stack gap="sm">
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        {secret && (
          <Alert color="teal" title={t('webhooks.secret.title')} role="status" data-testid="webhook-secret">
            <Stack gap="xs">
              <Text size="sm">{t('webhooks.secret.once')}</Text>
              <Group gap="xs" wrap="nowrap">
                <Code style={{ wordBreak: 'break-all' }} data-testid="webhook-secret-value">
                  {secret}
                </Code>
                <CopyButton value={secret}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="light" onClick={copy}>
                      {copied ? t('webhooks.secret.copied') : t('webhooks.secret.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          </Alert>
        )}
        <TextInput
          label={t('webhooks.form.url')}
          description={t('webhooks.form.urlHint')}
          placeholder="https://"
          required
          {...register('url')}
          error={errors.url?.message}
        />
        <Controller
          control={control}
          name="events"
          render={({ field }) => (
            <Checkbox.Group
              label={t('webhooks.form.events')}
              value={field.value}
              onChange={(value) => field.onChange(value as WebhookEvent[])}
              error={errors.events?.message}
              required
            >
              <Stack gap={6} mt={6}>
                {WEBHOOK_EVENTS.map((event) => (
                  <Checkbox key={event} value={event} label={`${t(`webhooks.event.${event}`)} (${event})`} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
        />
        <TextInput
          label={t('webhooks.form.description')}
          {...register('description')}
          error={errors.description?.message}
        />
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {t('webhooks.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
