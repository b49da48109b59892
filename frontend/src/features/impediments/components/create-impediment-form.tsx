// Reports an impediment: where (reporting country, partner market), what (NTM code, HS product), how
// bad (severity, frequency, cost) and who may see it. Server field errors land next to the fields.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NativeSelect, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';

import { PageLoader } from '@/components/ui/page-loader';
import { visibilities, type Visibility } from '@/lib/domain-values';
import { applyProblemToForm } from '@/lib/form-errors';
import { randomId } from '@/lib/random-id';

import { useCreateImpediment } from '../api/create-impediment';
import { countriesQueryOptions } from '../api/get-countries';
import { impedimentFieldLabels } from '../lib/impediment-field-labels';
import type { Impediment } from '../lib/impediment-values';
import { frequencies, severities, type Frequency } from '../lib/impediment-values';

const fields = [
  'reporting_country',
  'partner',
  'ntm_code',
  'hs_code',
  'title',
  'description',
  'severity',
  'frequency',
  'estimated_cost',
  'currency',
  'visibility',
] as const;

type Values = {
  reporting_country: string;
  partner: string;
  ntm_code: string;
  hs_code: string;
  title: string;
  description: string;
  severity: string;
  frequency: string;
  estimated_cost: number | '';
  currency: string;
  visibility: string;
};

type CreateImpedimentFormProps = {
  defaultReportingCountry?: string;
  onCreated: (impediment: Impediment) => void;
  onCancel: () => void;
};

/** Waits for the country list, so the reporting-country select starts with its options and default. */
export function CreateImpedimentForm(props: CreateImpedimentFormProps) {
  const countries = useQuery(countriesQueryOptions());
  if (countries.isPending) return <PageLoader />;
  const options = (countries.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }));
  return <ReportForm {...props} countryOptions={options} />;
}

function ReportForm({
  defaultReportingCountry,
  onCreated,
  onCancel,
  countryOptions,
}: CreateImpedimentFormProps & { countryOptions: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const mutation = useCreateImpediment();
  const [idempotencyKey] = useState(randomId);
  const [formError, setFormError] = useState<string | null>(null);

  const schema = useMemo(() => {
    const required = (message: string) => z.string().check(z.trim(), z.minLength(1, message));
    return z.object({
      reporting_country: required(t('impediments.form.errors.reportingCountry')),
      partner: required(t('impediments.form.errors.partner')),
      ntm_code: required(t('impediments.form.errors.ntmCode')),
      hs_code: z.string().check(z.trim(), z.regex(/^(\d{2}|\d{4}|\d{6})?$/, t('impediments.form.errors.hs'))),
      title: required(t('impediments.form.errors.title')),
      description: required(t('impediments.form.errors.description')),
      severity: z.string(),
      frequency: z.string(),
      estimated_cost: z.union([z.literal(''), z.number().check(z.minimum(0, t('impediments.form.errors.cost')))]),
      currency: z.string().check(z.trim(), z.regex(/^([A-Za-z]{3})?$/, t('impediments.form.errors.currency'))),
      visibility: z.string(),
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
      reporting_country: defaultReportingCountry ?? '',
      partner: '',
      ntm_code: '',
      hs_code: '',
      title: '',
      description: '',
      severity: '3',
      frequency: 'occasional',
      estimated_cost: '',
      currency: '',
      visibility: 'delegation',
    },
  });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const created = await mutation.mutateAsync({
        idempotencyKey,
        body: {
          reporting_country: values.reporting_country.trim().toUpperCase(),
          partner: values.partner.trim().toUpperCase(),
          ntm_code: values.ntm_code.trim().toUpperCase(),
          hs_code: values.hs_code.trim() || null,
          title: values.title.trim(),
          description: values.description.trim(),
          severity: Number(values.severity),
          frequency: values.frequency as Frequency,
          estimated_cost: values.estimated_cost === '' ? null : values.estimated_cost,
          currency: values.currency.trim().toUpperCase() || null,
          visibility: values.visibility as Visibility,
        },
      });
      onCreated(created);
    } catch (error) {
      setFormError(applyProblemToForm(error, fields, setError, impedimentFieldLabels(t)));
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('impediments.form.title')}>
      <Stack gap="sm">
        {formError ? (
          <Alert color="red" variant="light" role="alert" title={t('impediments.form.failed')}>
            {formError}
          </Alert>
        ) : null}
        <Group grow align="flex-start">
          {countryOptions.length > 0 ? (
            <NativeSelect
              label={t('impediments.form.reportingCountry')}
              description={t('impediments.form.reportingCountryHelp')}
              error={errors.reporting_country?.message}
              data={[{ value: '', label: t('impediments.form.choose') }, ...countryOptions]}
              withAsterisk
              {...register('reporting_country')}
            />
          ) : (
            <TextInput
              label={t('impediments.form.reportingCountry')}
              description={t('impediments.form.reportingCountryHelp')}
              error={errors.reporting_country?.message}
              withAsterisk
              {...register('reporting_country')}
            />
          )}
          <TextInput
            label={t('impediments.form.partner')}
            description={t('impediments.form.partnerHelp')}
            error={errors.partner?.message}
            withAsterisk
            {...register('partner')}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={t('impediments.form.ntmCode')}
            description={t('impediments.form.ntmCodeHelp')}
            error={errors.ntm_code?.message}
            withAsterisk
            {...register('ntm_code')}
          />
          <TextInput
            label={t('impediments.form.hsCode')}
            description={t('impediments.form.hsCodeHelp')}
            error={errors.hs_code?.message}
            inputMode="numeric"
            {...register('hs_code')}
          />
        </Group>
        <TextInput
          label={t('impediments.form.titleField')}
          error={errors.title?.message}
          withAsterisk
          {...register('title')}
        />
        <Textarea
          label={t('impediments.form.description')}
          error={errors.description?.message}
          autosize
          minRows={3}
          withAsterisk
          {...register('description')}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label={t('impediments.form.severity')}
            error={errors.severity?.message}
            data={severities.map((s) => ({ value: String(s), label: t(`impediments.severity.${s}`) }))}
            {...register('severity')}
          />
          <NativeSelect
            label={t('impediments.form.frequency')}
            error={errors.frequency?.message}
            data={frequencies.map((f) => ({ value: f, label: t(`impediments.frequency.${f}`) }))}
            {...register('frequency')}
          />
        </Group>
        <Group grow align="flex-start">
          <Controller
            control={control}
            name="estimated_cost"
            render={({ field }) => (
              <NumberInput
                label={t('impediments.form.estimatedCost')}
                error={errors.estimated_cost?.message}
                min={0}
                value={field.value}
                onChange={(value) => field.onChange(typeof value === 'number' ? value : '')}
                onBlur={field.onBlur}
                name={field.name}
                ref={field.ref}
              />
            )}
          />
          <TextInput
            label={t('impediments.form.currency')}
            description={t('impediments.form.currencyHelp')}
            error={errors.currency?.message}
            maxLength={3}
            {...register('currency')}
          />
        </Group>
        <NativeSelect
          label={t('impediments.form.visibility')}
          description={t('impediments.form.visibilityHelp')}
          error={errors.visibility?.message}
          data={visibilities.map((v) => ({ value: v, label: t(`visibility.${v}.label`) }))}
          {...register('visibility')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('impediments.form.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('impediments.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
