// The import form: the kind (only those the user's role may import), for paper answers the consultation
// they are for, the kind's templates, the file and the options. "Check the file" sends it as a dry run
// (nothing written) and is what the page leads with; "Import" writes, and is offered once the same file
// with the same options (and consultation) has been checked (or at once, after saying so, for
// `on_error=skip`, which writes the good rows anyway). A refusal of the request itself (a file that
// cannot be read, a bad option, a consultation that takes no answers from the user) lands next to the
// field it names.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, FileInput, Group, Radio, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';

import { applyProblemToForm } from '@/lib/form-errors';
import { problemFrom } from '@/lib/problem';
import { UPLOAD_MAX_BYTES, formatBytes } from '@/lib/uploads';

import { useRunImport } from '../api/run-import';
import {
  ACCEPTED_IMPORT_FILES,
  formatOf,
  importKindsFor,
  IMPORT_MODES,
  mayUpsert,
  ON_ERROR,
  type ConsultationChoices,
  type Import,
  type ImportKind,
  type ImportMode,
  type OnError,
} from '../lib/import-values';

import { ConsultationPicker } from './consultation-picker';
import { TemplateButtons } from './template-buttons';

/** `consultation_id` is '' while none is chosen (and unused for kinds other than paper answers). */
type Values = { kind: ImportKind; consultation_id: string; file: File | null; mode: ImportMode; on_error: OnError };
// A file the server cannot read is reported on `format` or the whole request: shown in the form's alert.
const fields = ['consultation_id', 'file', 'mode', 'on_error'] as const;

/** What a check vouches for: the same file object with the same options and consultation. */
type Checked = Omit<Values, 'file'> & { file: File; clean: boolean };

type ImportFormProps = {
  /** The signed-in user's role: the form offers only the kinds it may import. */
  userRole: string;
  /** `consultation_responses`: the consultations the user can import answers for. */
  consultations: ConsultationChoices;
  /** Told the chosen kind, so that the page loads the consultations only once they are wanted. */
  onKindChange?: (kind: ImportKind) => void;
  onResult: (result: Import | null) => void;
};

export function ImportForm(props: ImportFormProps) {
  const { t } = useTranslation();
  const kinds = useMemo(() => {
    const [first, ...others] = importKindsFor(props.userRole);
    return first === undefined ? null : ([first, ...others] as const);
  }, [props.userRole]);
  // The page is not offered to a role that imports nothing; this is for one the build does not know.
  if (kinds === null) return <Text c="dimmed">{t('imports.form.nothingToImport')}</Text>;
  return <KindsForm {...props} kinds={kinds} />;
}

function KindsForm({
  kinds,
  consultations,
  onKindChange,
  onResult,
}: ImportFormProps & { kinds: readonly [ImportKind, ...ImportKind[]] }) {
  const { t } = useTranslation();
  const mutation = useRunImport();
  const [formError, setFormError] = useState<string | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [sending, setSending] = useState<'check' | 'import' | null>(null);
  const schema = useMemo(
    () =>
      z
        .object({
          kind: z.enum(kinds),
          consultation_id: z.string(),
          file: z.nullable(z.custom<File>((v) => v instanceof File)),
          mode: z.enum(IMPORT_MODES),
          on_error: z.enum(ON_ERROR),
        })
        .check(
          z.refine((v) => v.kind !== 'consultation_responses' || v.consultation_id !== '', {
            message: t('imports.form.chooseConsultation'),
            path: ['consultation_id'],
          }),
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
    [t, kinds],
  );
  const {
    control,
    handleSubmit,
    setError,
    setValue,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { kind: kinds[0], consultation_id: '', file: null, mode: 'insert', on_error: 'abort' },
  });
  const [kind, consultationId, file, mode, onError] = useWatch({
    control,
    name: ['kind', 'consultation_id', 'file', 'mode', 'on_error'],
  });
  const responses = kind === 'consultation_responses';
  useEffect(() => onKindChange?.(kind), [kind, onKindChange]);
  const sameAsChecked =
    checked !== null &&
    checked.file === file &&
    checked.kind === kind &&
    checked.consultation_id === consultationId &&
    checked.mode === mode &&
    checked.on_error === onError;
  const mayImport = sameAsChecked && (checked.clean || onError === 'skip');

  /** The chosen consultation's delegation, which an admin's import of its answers names. */
  const owner = (id: string) =>
    consultations.status === 'success' ? consultations.items.find((c) => c.id === id)?.delegationId : undefined;

  const send = (dryRun: boolean) =>
    handleSubmit(async (values) => {
      setFormError(null);
      const chosen = values.file;
      const format = chosen && formatOf(chosen.name);
      if (!chosen || !format) return;
      setSending(dryRun ? 'check' : 'import');
      const forConsultation = values.kind === 'consultation_responses';
      try {
        const result = await mutation.mutateAsync({
          kind: values.kind,
          file: chosen,
          format,
          dryRun,
          mode: values.mode,
          onError: values.on_error,
          ...(forConsultation
            ? { consultationId: values.consultation_id, delegationId: owner(values.consultation_id) }
            : {}),
        });
        onResult(result);
        setChecked(dryRun ? { ...values, file: chosen, clean: result.rows_rejected === 0 } : null);
      } catch (error) {
        onResult(null);
        const status = problemFrom(error).status;
        if (forConsultation && (status === 404 || status === 409)) {
          // Not the user's delegation's consultation (404), or a draft or archived one (409): the picker
          // says so, where the user changes it.
          const message = t(
            status === 404 ? 'imports.form.consultationNotYours' : 'imports.form.consultationNotTaking',
          );
          setError('consultation_id', { type: 'server', message }, { shouldFocus: true });
          return;
        }
        setFormError(
          applyProblemToForm(error, fields, setError, {
            consultation_id: t('imports.form.consultation'),
            file: t('imports.form.file'),
            mode: t('imports.form.mode'),
            on_error: t('imports.form.onError'),
          }),
        );
      } finally {
        setSending(null);
      }
    });

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
            // Radios that wrap rather than a segmented control: up to six kinds do not fit a phone's width.
            <Radio.Group
              label={t('imports.form.kind')}
              value={field.value}
              onChange={(value) => {
                field.onChange(value);
                if (!mayUpsert(value as ImportKind)) setValue('mode', 'insert');
              }}
            >
              <Group gap="md" mt={6}>
                {kinds.map((k) => (
                  <Radio key={k} value={k} label={t(`imports.kind.${k}`)} />
                ))}
              </Group>
            </Radio.Group>
          )}
        />
        {responses ? (
          <Controller
            control={control}
            name="consultation_id"
            render={({ field }) => (
              <ConsultationPicker
                choices={consultations}
                value={field.value}
                onChange={(id) => {
                  field.onChange(id);
                  onResult(null);
                }}
                error={errors.consultation_id?.message}
              />
            )}
          />
        ) : null}
        <TemplateButtons kind={kind} consultationId={consultationId} />
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
