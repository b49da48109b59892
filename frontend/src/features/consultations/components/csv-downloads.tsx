// Download buttons for results.csv (under the filters) and, for the consultation's owners only,
// responses.csv (every response, anonymised).
// The files need the bearer token, so they are fetched and saved as blobs rather than linked.
import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { problemFrom, problemMessage } from '@/lib/problem';

import { downloadCsv, type CsvExport } from '../api/download-csv';
import type { ResultsFilters } from '../lib/results-filters';

type CsvDownloadsProps = { consultationId: string; filters: ResultsFilters; fileStem: string; withResponses: boolean };

export function CsvDownloads({ consultationId, filters, fileStem, withResponses }: CsvDownloadsProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<CsvExport | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(kind: CsvExport) {
    setBusy(kind);
    setError(null);
    try {
      await downloadCsv(consultationId, kind, filters, fileStem);
    } catch (e) {
      setError(problemMessage(problemFrom(e)));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div data-print="hide">
      <Group gap="sm">
        <Button variant="outline" loading={busy === 'results'} onClick={() => void download('results')}>
          {t('consultations.results.downloadResults')}
        </Button>
        {withResponses ? (
          <Button variant="outline" loading={busy === 'responses'} onClick={() => void download('responses')}>
            {t('consultations.results.downloadResponses')}
          </Button>
        ) : null}
      </Group>
      <div role="status">
        {error ? (
          <Text c="red.8" size="sm" mt="xs">
            {t('consultations.results.downloadFailed', { reason: error })}
          </Text>
        ) : null}
      </div>
    </div>
  );
}
