// A new document: its kind, title, summary, who may see it, and optionally a Markdown first version. The
// owner is the server's rule (a delegate's own delegation; an analyst's is platform-wide), so the form
// does not ask; the server's field errors land next to the fields.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';

import { useSignedInUser } from '@/lib/auth/use-user';
import { visibilities, type Visibility } from '@/lib/domain-values';
import { applyProblemToForm } from '@/lib/form-errors';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';

import { useCreateDocument } from '../api/create-document';
import { documentKindLabel } from '../lib/document-labels';
import { documentKinds, type DocumentKind } from '../lib/document-values';

type Values = { kind: DocumentKind; title: string; summary: string; visibility: Visibility; body_markdown: string };
const fields = ['kind', 'title', 'summary', 'visibility', 'body_markdown'] as const;

export function CreateDocumentForm({ onCreated }: { onCreated: (created: { id: string }) => void }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const mutation = useCreateDocument();
  const idempotency = useIdempotencyKey();
  const [formError, setFormError] = useState<string | null>(null);
  // Platform-wide documents (analysts) are regional or public: `delegation` would hide them from all.
  const platform = user.role === 'analyst';
  const choices = platform ? visibilities.filter((v) => v !== 'delegation') : visibilities;
  const schema = useMemo(
    () =>
      z.object({
        kind: z.enum(documentKinds),
        title: z.string().check(z.trim(), z.minLength(1, t('documents.form.errors.title')), z.maxLength(200)),
        summary: z.string().check(z.maxLength(4000)),
        visibility: z.enum(visibilities),
        body_markdown: z.string(),
      }),
    [t],
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      kind: 'briefing_note',
      title: '',
      summary: '',
      visibility: platform ? 'regional' : 'delegation',
      body_markdown: '',
    },
  });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const body = {
      kind: values.kind,
      title: values.title.trim(),
      summary: values.summary.trim(),
      visibility: values.visibility,
      topic_ids: [],
      body_markdown: values.body_markdown.trim() || null,
    };
    try {
      const created = await mutation.mutateAsync({ body, idempotencyKey: idempotency.keyFor(body) });
      idempotency.renew();
      onCreated(created);
    } catch (error) {
      setFormError(applyProblemToForm(error, fields, setError));
    }
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('documents.form.title')}>
      <Stack gap="sm">
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <NativeSelect
          label={t('documents.columns.kind')}
          data={documentKinds.map((k) => ({ value: k, label: documentKindLabel(t, k) }))}
          {...register('kind')}
          error={errors.kind?.message}
        />
        <TextInput label={t('documents.columns.title')} required {...register('title')} error={errors.title?.message} />
        <Textarea label={t('documents.form.summary')} autosize minRows={2} {...register('summary')} />
        <NativeSelect
          label={t('documents.form.visibility')}
          data={choices.map((v) => ({ value: v, label: t(`visibility.${v}.label`) }))}
          {...register('visibility')}
          error={errors.visibility?.message}
        />
        <Textarea
          label={t('documents.upload.body')}
          autosize
          minRows={4}
          {...register('body_markdown')}
          error={errors.body_markdown?.message}
        />
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {t('documents.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
