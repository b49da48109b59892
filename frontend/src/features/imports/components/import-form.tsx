// The import form: the kind, its templates, the file and the options. "Check the file" sends it as a
// dry run (nothing written) and is what the page leads with; "Import" writes, and is offered once the
// same file with the same options has been checked (or at once, after saying so, for `on_error=skip`,
// which writes the good rows anyway). A refusal of the request itself (a file that cannot be read, a
// bad option) lands next to the field it names.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, FileInput, Group, Radio, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';

import { applyProblemToForm } from '@/lib/form-errors';
import { UPLOAD_MAX_BYTES, formatBytes } from '@/lib/uploads';

import { downloadTemplate, type TemplateFormat } from '../api/downloads';
import { useRunImport } from '../api/run-import';
import {
  ACCEPTED_IMPORT_FILES,
  formatOf,
  IMPORT_KINDS,
  IMPORT_MODES,
  mayUpsert,
  ON_ERROR,
  type Import,
  type PageKind,
  type ImportMode,
  type OnError,
} from '../lib/import-values';

type Values = { kind: PageKind; file: File | null; mode: ImportMode; on_error: OnError };
// A file the server cannot read is reported on `format` or the whole request: shown in the form's alert.
const fields = ['file', 'mode', 'on_error'] as const;

/** What a check vouches for: the same file object with the same options. */
type Checked = { file: File; kind: PageKind; mode: ImportMode; on_error: OnError; clean: boolean };

export function ImportForm({ onResult }: { onResult: (result: Import | null) => void }) {
  const { t } = useTranslation();
  const mutation = useRunImport();
  const [formError, setFormError] = useState<string | null>(null);
  const [templateError, setTemplateError] = useState<string | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [sending, setSending] = useState<'check' | 'import' | null>(null);
  const schema = useMemo(
    () =>
      z
        .object({
          kind: z.enum(IMPORT_KINDS),
          file: z.nullable(z.custom<File>((v) => v instanceof File)),
          mode: z.enum(IMPORT_MODES),
          on_error: z.enum(ON_ERROR),
        })
        .check(
          z.refine((v) => v.file !== null, { message: t('imports.form.chooseFile'), path: ['file'] }),
          z.refine((v) => v.file === null || formatOf(v.file.name) !== null, {
            message: t('imports.form.unknownFormat'),
            path: ['file'],
          }),
          z.refine((v) => v.file === null || v.file.size <= UPLOAD_MAX_BYTES, {
            message: t('imports.form.tooLarge', { max: formatBytes(UPLOAD_MAX_BYTES) }),
            path: ['file'],
          }),
        ),
    [t],
  );
  const {
    control,
    handleSubmit,
    setError,
    setValue,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { kind: 'stakeholders', file: null, mode: 'insert', on_error: 'abort' },
  });
  const [kind, file, mode, onError] = useWatch({ control, name: ['kind', 'file', 'mode', 'on_error'] });
  const sameAsChecked =
    checked !== null &&
    checked.file === file &&
    checked.kind === kind &&
    checked.mode === mode &&
    checked.on_error === onError;
  const mayImport = sameAsChecked && (checked.clean || onError === 'skip');

  const send = (dryRun: boolean) =>
    handleSubmit(async (values) => {
      setFormError(null);
      const chosen = values.file;
      const format = chosen && formatOf(chosen.name);
      if (!chosen || !format) return;
      setSending(dryRun ? 'check' : 'import');
      try {
        const result = await mutation.mutateAsync({
          kind: values.kind,
          file: chosen,
          format,
          dryRun,
          mode: values.mode,
          onError: values.on_error,
        });
        onResult(result);
        setChecked(dryRun ? { ...values, file: chosen, clean: result.rows_rejected === 0 } : null);
      } catch (error) {
        onResult(null);
        setFormError(
          applyProblemToForm(error, fields, setError, {
            file: t('imports.form.file'),
            mode: t('imports.form.mode'),
            on_error: t('imports.form.onError'),
          }),
        );
      } finally {
        setSending(null);
      }
    });

  const template = (format: TemplateFormat) => {
    setTemplateError(null);
    downloadTemplate(kind, format).catch(() => setTemplateError(t('imports.form.templateFailed')));
  };

  return (
    <form onSubmit={(e) => void send(true)(e)} noValidate aria-label={t('imports.form.title')}>
      <Stack gap="md">
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Controller
          control={control}
          name="kind"
          render={({ field }) => (
            // Radios that wrap rather than a segmented control: four kinds do not fit a phone's width.
            <Radio.Group
              label={t('imports.form.kind')}
              value={field.value}
              onChange={(value) => {
                field.onChange(value);
                if (!mayUpsert(value as PageKind)) setValue('mode', 'insert');
              }}
            >
              <Group gap="md" mt={6}>
                {IMPORT_KINDS.map((k) => (
                  <Radio key={k} value={k} label={t(`imports.kind.${k}`)} />
                ))}
              </Group>
            </Radio.Group>
          )}
        />
        <Stack gap={4}>
          <Text size="sm">{t('imports.form.templateHint', { kind: t(`imports.kind.${kind}`) })}</Text>
          <Group gap="xs">
            <Button variant="light" size="xs" onClick={() => template('csv')} data-testid="template-csv">
              {t('imports.form.templateCsv')}
            </Button>
            <Button variant="light" size="xs" onClick={() => template('xlsx')} data-testid="template-xlsx">
              {t('imports.form.templateXlsx')}
            </Button>
          </Group>
          {templateError ? (
            <Text size="sm" c="red" role="alert">
              {templateError}
            </Text>
          ) : null}
        </Stack>
        <Controller
          control={control}
          name="file"
          render={({ field }) => (
            <FileInput
              label={t('imports.form.file')}
              description={t('imports.form.fileHint', { max: formatBytes(UPLOAD_MAX_BYTES) })}
              accept={ACCEPTED_IMPORT_FILES}
              clearable
              clearButtonProps={{ 'aria-label': t('imports.form.clearFile') }}
              value={field.value}
              onChange={(value) => {
                field.onChange(value);
                onResult(null);
              }}
              error={errors.file?.message}
              data-testid="import-file"
            />
          )}
        />
        <Controller
          control={control}
          name="mode"
          render={({ field }) => (
            <Radio.Group
              label={t('imports.form.mode')}
              value={field.value}
              onChange={field.onChange}
              error={errors.mode?.message}
            >
              <Stack gap={6} mt={6}>
                <Radio value="insert" label={t('imports.mode.insert')} />
                <Radio value="upsert" label={t('imports.mode.upsert')} disabled={!mayUpsert(kind)} />
              </Stack>
            </Radio.Group>
          )}
        />
        <Controller
          control={control}
          name="on_error"
          render={({ field }) => (
            <Radio.Group
              label={t('imports.form.onError')}
              value={field.value}
              onChange={field.onChange}
              error={errors.on_error?.message}
            >
              <Stack gap={6} mt={6}>
                <Radio value="abort" label={t('imports.onError.abort')} />
                <Radio value="skip" label={t('imports.onError.skip')} />
              </Stack>
            </Radio.Group>
          )}
        />
        <Group>
          <Button type="submit" loading={sending === 'check'} disabled={sending === 'import'}>
            {t('imports.form.check')}
          </Button>
          <Button
            variant={mayImport ? 'filled' : 'default'}
            disabled={!mayImport || sending === 'check'}
            onClick={(e) => void send(false)(e)}
            loading={sending === 'import'}
          >
            {t('imports.form.import')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed" aria-live="polite">
          {mayImport ? t('imports.form.readyToImport') : t('imports.form.checkFirst')}
        </Text>
      </Stack>
    </form>
  );
}
