// The consultation a file of paper answers is for (`consultation_responses`): a searchable list of those
// the user can import answers for, each by its title, with its loading, error and empty states. The page
// loads the list (a feature does not fetch another feature's records) and passes it in.
import { Loader, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { QueryError } from '@/components/ui/query-error';

import type { ConsultationChoices } from '../lib/import-values';

type ConsultationPickerProps = {
  choices: ConsultationChoices;
  value: string;
  onChange: (id: string) => void;
  error?: string;
};

export function ConsultationPicker({ choices, value, onChange, error }: ConsultationPickerProps) {
  const { t } = useTranslation();
  const items = choices.status === 'success' ? choices.items : [];
  const empty = choices.status === 'success' && items.length === 0;
  return (
    <Stack gap={4}>
      <Select
        label={t('imports.form.consultation')}
        description={t('imports.form.consultationHint')}
        placeholder={choices.status === 'pending' ? t('imports.form.consultationsLoading') : undefined}
        rightSection={choices.status === 'pending' ? <Loader size="xs" aria-hidden /> : undefined}
        data={items.map((c) => ({ value: c.id, label: c.label }))}
        searchable
        withAsterisk
        disabled={choices.status !== 'success' || empty}
        nothingFoundMessage={t('imports.form.noConsultationMatches')}
        value={value || null}
        onChange={(id) => onChange(id ?? '')}
        error={error}
        data-testid="import-consultation"
      />
      {empty ? (
        <Text size="sm" c="dimmed" role="status">
          {t('imports.form.noConsultations')}
        </Text>
      ) : null}
      {choices.status === 'error' ? (
        <QueryError error={choices.error} onRetry={choices.retry} title={t('imports.form.consultationsFailed')} />
      ) : null}
    </Stack>
  );
}
