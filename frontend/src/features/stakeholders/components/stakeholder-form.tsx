// Creates or edits a stakeholder. Contact fields start empty even when editing: the form never holds
// stored personal data, and empty contact fields leave the stored ones as they are. Server field errors
// land next to the fields.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

import { PageLoader } from '@/components/ui/page-loader';
import { applyProblemToForm } from '@/lib/form-errors';
import { countriesQueryOptions, sectorsQueryOptions } from '@/lib/reference';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';

import { useCreateStakeholder } from '../api/create-stakeholder';
import { useUpdateStakeholder } from '../api/update-stakeholder';
import { stakeholderFieldLabels } from '../lib/stakeholder-field-labels';
import {
  formValuesOf,
  stakeholderFormFields,
  stakeholderFormSchema,
  toCreateBody,
  toUpdateBody,
  type StakeholderFormValues,
} from '../lib/stakeholder-form';
import { sizeClasses, stakeholderKinds, type Stakeholder } from '../lib/stakeholder-values';

type Props = {
  /** The record being edited; absent for a create. */
  stakeholder?: Stakeholder;
  defaultCountry?: string;
  onSaved: (stakeholder: Stakeholder) => void;
  onCancel: () => void;
};

export function StakeholderForm(props: Props) {
  const countries = useQuery(countriesQueryOptions());
  const sectors = useQuery(sectorsQueryOptions());
  if (countries.isPending || sectors.isPending) return <PageLoader />;
  const countryOptions = (countries.data?.items ?? [])
    .filter((c) => c.region !== 'other')
    .map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }));
  const sectorOptions = (sectors.data?.items ?? []).map((s) => ({ value: s.code, label: `${s.code} — ${s.title}` }));
  return <Form {...props} countryOptions={countryOptions} sectorOptions={sectorOptions} />;
}

type Option = { value: string; label: string };

function Form({
  stakeholder,
  defaultCountry,
  onSaved,
  onCancel,
  countryOptions,
  sectorOptions,
}: Props & { countryOptions: Option[]; sectorOptions: Option[] }) {
  const { t } = useTranslation();
  const create = useCreateStakeholder();
  const update = useUpdateStakeholder(stakeholder?.id ?? '');
  const idempotency = useIdempotencyKey();
  const [formError, setFormError] = useState<string | null>(null);
  const schema = useMemo(
    () =>
      stakeholderFormSchema({
        required: t('stakeholders.form.errors.required'),
        tooLong: t('stakeholders.form.errors.tooLong'),
        employees: t('stakeholders.form.errors.employees'),
        employeesSize: t('stakeholders.form.errors.employeesSize'),
        email: t('stakeholders.form.errors.email'),
        phone: t('stakeholders.form.errors.phone'),
        consent: t('stakeholders.form.errors.consent'),
        future: t('stakeholders.form.errors.future'),
      }),
    [t],
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<StakeholderFormValues>({
    resolver: zodResolver(schema),
    defaultValues: formValuesOf(stakeholder, { country: defaultCountry }),
  });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      if (stakeholder) {
        onSaved(await update.mutateAsync({ version: stakeholder.version, body: toUpdateBody(values) }));
      } else {
        const body = toCreateBody(values);
        onSaved(await create.mutateAsync({ idempotencyKey: idempotency.keyFor(body), body }));
      }
    } catch (error) {
      setFormError(applyProblemToForm(error, stakeholderFormFields, setError, stakeholderFieldLabels(t)));
    }
  });

  const choose = { value: '', label: t('stakeholders.form.choose') };
  return (
    <form onSubmit={submit} noValidate aria-label={t(stakeholder ? 'stakeholders.form.editTitle' : 'stakeholders.form.title')}>
      <Stack gap="sm">
        {formError ? (
          <Alert color="red" variant="light" role="alert" title={t('stakeholders.form.failed')}>
            {formError}
          </Alert>
        ) : null}
        <TextInput label={t('stakeholders.fields.name')} error={errors.name?.message} withAsterisk {...register('name')} />
        <Group grow align="flex-start">
          <NativeSelect
            label={t('stakeholders.fields.kind')}
            error={errors.kind?.message}
            data={stakeholderKinds.map((k) => ({ value: k, label: t(`stakeholders.kind.${k}`) }))}
            {...register('kind')}
          />
          <TextInput
            label={t('stakeholders.fields.externalId')}
            description={t('stakeholders.form.externalIdHelp')}
            error={errors.external_id?.message}
            {...register('external_id')}
          />
        </Group>
        <Group grow align="flex-start">
          <NativeSelect
            label={t('stakeholders.fields.country')}
            error={errors.country?.message}
            data={[choose, ...countryOptions]}
            withAsterisk
            {...register('country')}
          />
          <NativeSelect
            label={t('stakeholders.fields.sector')}
            error={errors.sector?.message}
            data={[choose, ...sectorOptions]}
            withAsterisk
            {...register('sector')}
          />
        </Group>
        <Group grow align="flex-start">
          <NativeSelect
            label={t('stakeholders.fields.size')}
            error={errors.size_class?.message}
            data={sizeClasses.map((s) => ({ value: s, label: t(`stakeholders.size.${s}`) }))}
            {...register('size_class')}
          />
          <TextInput
            label={t('stakeholders.fields.employees')}
            description={t('stakeholders.form.employeesHelp')}
            error={errors.employees?.message}
            inputMode="numeric"
            {...register('employees')}
          />
        </Group>
        <Group>
          <Checkbox label={t('stakeholders.fields.womenLed')} {...register('women_led')} />
          <Checkbox label={t('stakeholders.fields.exporter')} {...register('exporter')} />
          <Checkbox label={t('stakeholders.fields.importer')} {...register('importer')} />
        </Group>
        <Title order={3} size="h5" mt="sm">
          {t('stakeholders.form.contactTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t(stakeholder?.has_contact ? 'stakeholders.form.contactHelpEdit' : 'stakeholders.form.contactHelp')}
        </Text>
        <Group grow align="flex-start">
          <TextInput label={t('stakeholders.fields.contactName')} error={errors.contact_name?.message} autoComplete="off" {...register('contact_name')} />
          <TextInput label={t('stakeholders.fields.contactEmail')} error={errors.contact_email?.message} type="email" autoComplete="off" {...register('contact_email')} />
          <TextInput label={t('stakeholders.fields.contactPhone')} error={errors.contact_phone?.message} type="tel" autoComplete="off" {...register('contact_phone')} />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={t('stakeholders.fields.consentPurpose')} error={errors.consent_purpose?.message} {...register('consent_purpose')} />
          <TextInput label={t('stakeholders.fields.consentAt')} error={errors.consent_at?.message} type="date" {...register('consent_at')} />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('stakeholders.form.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('stakeholders.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
