// The assigned analyst delivers a file right on the request: PDF, DOCX, XLSX or Markdown, checked here
// for size as a hint (the server checks for real and judges the type from the content, refusing a
// renamed executable or an empty file with a 422 on `file`, shown next to the field). It becomes a
// document of the requesting delegation — of the request's kind, on its topics, at its visibility —
// attached as a deliverable. While it runs, the step it is at is shown; if the upload fails after the
// document was filed, the next try reuses that document rather than leaving a second one behind.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, FileInput, Group, Progress, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';

import { applyProblemToForm } from '@/lib/form-errors';
import { visibilityLabel } from '@/lib/labels';
import { ACCEPTED_FILES, formatBytes, UPLOAD_MAX_BYTES } from '@/lib/uploads';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';

import { useDeliverFile, type DeliverStage } from '../api/deliver-file';
import { briefingKindLabel } from '../lib/briefing-values';

type Values = { file: File | null; title: string };
const fields = ['file', 'title'] as const;
const stages: readonly DeliverStage[] = ['creating', 'uploading'];

export type DeliverFor = {
  id: string;
  title: string;
  kind: 'briefing_note' | 'regional_update' | 'research_study';
  topics: { id: string }[];
  /** Who may read the deliverable, as the request asks. */
  visibility: string;
};

export function DeliverFileForm({ request }: { request: DeliverFor }) {
  const { t } = useTranslation();
  const deliver = useDeliverFile(request.id);
  const idempotency = useIdempotencyKey();
  const [stage, setStage] = useState<DeliverStage | null>(null);
  // The document an earlier, failed attempt created, with the title it was created under.
  const [pending, setPending] = useState<{ id: string; title: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const schema = useMemo(
    () =>
      z
        .object({
          file: z.nullable(z.custom<File>((v) => v instanceof File)),
          title: z.string().check(z.trim(), z.minLength(1, t('briefing.deliverables.upload.errors.title'))),
        })
        .check(
          z.refine((v) => v.file !== null, { message: t('briefing.deliverables.upload.errors.file'), path: ['file'] }),
          z.refine((v) => v.file === null || v.file.size <= UPLOAD_MAX_BYTES, {
            message: t('briefing.deliverables.upload.tooLarge', { max: formatBytes(UPLOAD_MAX_BYTES) }),
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
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { file: null, title: request.title } });

  const submit = handleSubmit(async (values) => {
    if (!values.file) return;
    setFormError(null);
    setDone(null);
    const title = values.title.trim();
    const reuse = pending && pending.title === title ? pending.id : undefined;
    try {
      await deliver.mutateAsync({
        file: values.file,
        title,
        idempotencyKey: idempotency.keyFor({ title }),
        documentId: reuse,
        onStage: (s, documentId) => {
          setStage(s);
          if (documentId) setPending({ id: documentId, title });
        },
      });
      idempotency.renew();
      setPending(null);
      reset({ file: null, title: request.title });
      setDone(t('briefing.deliverables.upload.done', { title }));
    } catch (error) {
      setFormError(
        applyProblemToForm(error, fields, setError, {
          file: t('briefing.deliverables.upload.file'),
          title: t('briefing.deliverables.upload.title'),
        }),
      );
    } finally {
      setStage(null);
    }
  });

  const step = stage ? stages.indexOf(stage) + 1 : 0;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('briefing.deliverables.upload.heading')}>
      <Stack gap="sm">
        <div role="status" aria-live="polite">
          {stage ? (
            <Stack gap={4} data-testid="deliver-progress">
              <Text size="sm">{t(`briefing.deliverables.upload.${stage}`)}</Text>
              <Progress value={(step / (stages.length + 1)) * 100} animated aria-hidden />
            </Stack>
          ) : null}
          {done ? (
            <Alert color="teal" variant="light">
              {done}
            </Alert>
          ) : null}
        </div>
        {formError ? (
          <Alert color="red" variant="light" role="alert" title={t('briefing.deliverables.upload.failed')}>
            {formError}
          </Alert>
        ) : null}
        <Controller
          control={control}
          name="file"
          render={({ field }) => (
            <FileInput
              label={t('briefing.deliverables.upload.file')}
              description={t('briefing.deliverables.upload.hint', {
                max: formatBytes(UPLOAD_MAX_BYTES),
                kind: briefingKindLabel(t, request.kind).toLowerCase(),
                visibility: visibilityLabel(t, request.visibility).toLowerCase(),
              })}
              accept={ACCEPTED_FILES}
              clearable
              withAsterisk
              value={field.value}
              onChange={field.onChange}
              error={errors.file?.message}
              data-testid="deliver-file"
            />
          )}
        />
        <TextInput label={t('briefing.deliverables.upload.title')} withAsterisk error={errors.title?.message} {...register('title')} />
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {t('briefing.deliverables.upload.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
