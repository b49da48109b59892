// A new version: a file (PDF, DOCX, XLSX or Markdown, up to the upload limit — checked here as a hint,
// by the server for real, which also judges the type from the content) and/or a Markdown text. The
// server's field errors land next to the fields.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, FileInput, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';

import { applyProblemToForm } from '@/lib/form-errors';

import { useUploadVersion } from '../api/upload-version';
import { ACCEPTED_FILES, UPLOAD_MAX_BYTES } from '../lib/document-values';
import { formatBytes } from '../lib/snippet';

type Values = { file: File | null; body_markdown: string };
const fields = ['file', 'body_markdown'] as const;

export function UploadVersionForm({ documentId, onDone }: { documentId: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const mutation = useUploadVersion(documentId);
  const [formError, setFormError] = useState<string | null>(null);
  const schema = useMemo(
    () =>
      z
        .object({
          file: z.nullable(z.custom<File>((v) => v instanceof File)),
          body_markdown: z.string(),
        })
        .check(
          z.refine((v) => v.file === null || v.file.size <= UPLOAD_MAX_BYTES, {
            message: t('documents.upload.tooLarge', { max: formatBytes(UPLOAD_MAX_BYTES) }),
            path: ['file'],
          }),
          z.refine((v) => v.file !== null || v.body_markdown.trim().length > 0, {
            message: t('documents.upload.nothing'),
            path: ['file'],
          }),
        ),
    [t],
  );
  const {
    control,
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { file: null, body_markdown: '' } });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await mutation.mutateAsync({ file: values.file, bodyMarkdown: values.body_markdown });
      reset();
      onDone?.();
    } catch (error) {
      setFormError(
        applyProblemToForm(error, fields, setError, {
          file: t('documents.upload.file'),
          body_markdown: t('documents.upload.body'),
        }),
      );
    }
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('documents.upload.title')}>
      <Stack gap="sm">
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Controller
          control={control}
          name="file"
          render={({ field }) => (
            <FileInput
              label={t('documents.upload.file')}
              description={t('documents.upload.hint', { max: formatBytes(UPLOAD_MAX_BYTES) })}
              accept={ACCEPTED_FILES}
              clearable
              value={field.value}
              onChange={field.onChange}
              error={errors.file?.message}
              data-testid="upload-file"
            />
          )}
        />
        <Textarea
          label={t('documents.upload.body')}
          autosize
          minRows={3}
          {...register('body_markdown')}
          error={errors.body_markdown?.message}
        />
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {t('documents.upload.submit')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('documents.upload.types')}
        </Text>
      </Stack>
    </form>
  );
}
