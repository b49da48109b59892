// Reports an impediment: where (reporting country, partner market), what (NTM code, HS product, linked
// topics), how bad (severity, frequency, cost) and who may see it. Partner, NTM code and topics are
// searchable pickers over the reference data. Rules only the server knows (the HS code's shape and
// chapter, whether a code exists) are left to it: its field errors land next to the fields.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, MultiSelect, NativeSelect, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { visibilities, type Visibility } from '@/lib/domain-values';
import { applyProblemToForm } from '@/lib/form-errors';
import { countriesQueryOptions, ntmCategoriesQueryOptions, partnerGroupName, type Country, type NtmCategory } from '@/lib/reference';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';

import { useCreateImpediment } from '../api/create-impediment';
import { impedimentFieldLabels } from '../lib/impediment-field-labels';
import { partnerOptionGroups, type Option } from '../lib/impediment-options';
import type { Impediment } from '../lib/impediment-values';
import { frequencies, severities, type Frequency } from '../lib/impediment-values';

import { NtmCodeSelect } from './ntm-code-select';

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
  'topic_ids',
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
  topic_ids: string[];
};

type CreateImpedimentFormProps = {
  defaultReportingCountry?: string;
  /** The topics an impediment may be linked to ("FISH — Fisheries subsidies"), from the topics feature. */
  topicOptions: Option[];
  onCreated: (impediment: Impediment) => void;
  onCancel: () => void;
};

/** Waits for the countries and NTM categories, so the pickers start with their options and defaults. */
export function CreateImpedimentForm(props: CreateImpedimentFormProps) {
  const countries = useQuery(countriesQueryOptions());
  const categories = useQuery(ntmCategoriesQueryOptions());
  if (countries.isPending || categories.isPending) return <PageLoader />;
  if (countries.isError) return <QueryError error={countries.error} onRetry={() => void countries.refetch()} />;
  if (categories.isError) return <QueryError error={categories.error} onRetry={() => void categories.refetch()} />;
  return <ReportForm {...props} countries={countries.data.items} categories={categories.data.items} />;
}

function ReportForm({
  defaultReportingCountry,
  topicOptions,
  onCreated,
  onCancel,
  countries,
  categories,
}: CreateImpedimentFormProps & { countries: Country[]; categories: NtmCategory[] }) {
  const { t } = useTranslation();
  const mutation = useCreateImpediment();
  const idempotency = useIdempotencyKey();
  const [formError, setFormError] = useState<string | null>(null);
  const countryOptions = useMemo(() => countries.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })), [countries]);
  const partnerOptions = useMemo(
    () =>
      partnerOptionGroups(countries, {
        groups: t('impediments.form.partnerGroups'),
        countries: t('impediments.form.partnerCountries'),
        groupName: (group) => partnerGroupName(t, group),
      }),
    [countries, t],
  );

  const schema = useMemo(() => {
    const required = (message: string) => z.string().check(z.trim(), z.minLength(1, message));
    return z.object({
      reporting_country: required(t('impediments.form.errors.reportingCountry')),
      partner: required(t('impediments.form.errors.partner')),
      ntm_code: required(t('impediments.form.errors.ntmCode')),
      // The HS code's shape (2, 4 or 6 digits, dots ignored, chapter 01–97 but not 77) is the server's
      // rule alone; a second copy here once refused codes the API accepts (0306.17).
      hs_code: z.string(),
      title: required(t('impediments.form.errors.title')),
      description: required(t('impediments.form.errors.description')),
      severity: z.string(),
      frequency: z.string(),
      estimated_cost: z.union([z.literal(''), z.number().check(z.minimum(0, t('impediments.form.errors.cost')))]),
      currency: z.string().check(z.trim(), z.regex(/^([A-Za-z]{3})?$/, t('impediments.form.errors.currency'))),
      visibility: z.string(),
      topic_ids: z.array(z.string()),
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
      topic_ids: [],
    },
  });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const body = {
        reporting_country: values.reporting_country.trim().toUpperCase(),
        partner: values.partner,
        ntm_code: values.ntm_code,
        hs_code: values.hs_code.trim() || null,
        title: values.title.trim(),
        description: values.description.trim(),
        severity: Number(values.severity),
        frequency: values.frequency as Frequency,
        estimated_cost: values.estimated_cost === '' ? null : values.estimated_cost,
        currency: values.currency.trim().toUpperCase() || null,
        visibility: values.visibility as Visibility,
        topic_ids: values.topic_ids,
      };
      const created = await mutation.mutateAsync({ idempotencyKey: idempotency.keyFor(body), body });
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
          <NativeSelect
            label={t('impediments.form.reportingCountry')}
            description={t('impediments.form.reportingCountryHelp')}
            error={errors.reporting_country?.message}
            data={[{ value: '', label: t('impediments.form.choose') }, ...countryOptions]}
            withAsterisk
            {...register('reporting_country')}
          />
          <Controller
            control={control}
            name="partner"
            render={({ field }) => (
              <Select
                label={t('impediments.form.partner')}
                description={t('impediments.form.partnerHelp')}
                error={errors.partner?.message}
                withAsterisk
                searchable
                data={partnerOptions}
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                onBlur={field.onBlur}
                nothingFoundMessage={t('impediments.form.nothingFound')}
                ref={field.ref}
              />
            )}
          />
        </Group>
        <Group grow align="flex-start">
          <Controller
            control={control}
            name="ntm_code"
            render={({ field }) => (
              <NtmCodeSelect
                categories={categories}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errors.ntm_code?.message}
                ref={field.ref}
              />
            )}
          />
          <TextInput
            label={t('impediments.form.hsCode')}
            description={t('impediments.form.hsCodeHelp')}
            error={errors.hs_code?.message}
            inputMode="decimal"
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
        <Controller
          control={control}
          name="topic_ids"
          render={({ field }) => (
            <MultiSelect
              label={t('impediments.form.topics')}
              description={t('impediments.form.topicsHelp')}
              error={errors.topic_ids?.message}
              data={topicOptions}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              searchable
              clearable
              nothingFoundMessage={t('impediments.form.nothingFound')}
              ref={field.ref}
            />
          )}
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
