// "Export CSV": every row of the list under its current filters and sort (up to the cap), as a CSV file
// named after the list and the date, with the table's column names and values.
import { Alert, Button } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ListTotal } from '@/api/lists';
import { saveBlob } from '@/lib/save-file';

import { QueryError } from '../query-error';

import { csvFileName } from './csv';
import { EXPORT_CAP, fetchAllRows, rowsToCsv, type FetchPage } from './export';

export type ListExport<T> = {
  /** The file name's stem, e.g. `impediments`. */
  name: string;
  /** One page of the list under the current filters and sort, at the largest page size. */
  fetchPage: FetchPage<T>;
};

type Outcome = { kind: 'done'; count: number; truncated: boolean } | { kind: 'failed'; error: unknown } | null;

type ExportButtonProps<T> = {
  exporter: ListExport<T>;
  // A table mixes column value types (see DataTableProps).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  total: ListTotal;
};

export function ExportButton<T>({ exporter, columns, total }: ExportButtonProps<T>) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const abort = useRef<AbortController | null>(null);
  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n);

  async function run() {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setBusy(true);
    setOutcome(null);
    try {
      const { rows, truncated } = await fetchAllRows(exporter.fetchPage, controller.signal);
      const csv = rowsToCsv(columns, rows);
      saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), csvFileName(exporter.name));
      setOutcome({ kind: 'done', count: rows.length, truncated });
    } catch (error) {
      if (!controller.signal.aborted) setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button variant="default" size="xs" onClick={() => void run()} loading={busy} aria-busy={busy}>
        {t('list.export')}
      </Button>
      <div role="status" style={{ flexBasis: '100%' }}>
        {outcome?.kind === 'done' && outcome.truncated ? (
          <Alert color="yellow" variant="light" mt="xs" title={t('list.exportCappedTitle')}>
            {t('list.exportCapped', {
              cap: number(EXPORT_CAP),
              total: total === null || total.atLeast ? t('list.exportMore') : number(total.count),
            })}
          </Alert>
        ) : outcome?.kind === 'done' ? (
          <Alert color="teal" variant="light" mt="xs" withCloseButton onClose={() => setOutcome(null)}>
            {t('list.exportDone', { count: outcome.count, rows: number(outcome.count) })}
          </Alert>
        ) : null}
      </div>
      {outcome?.kind === 'failed' ? (
        <div style={{ flexBasis: '100%' }}>
          <QueryError error={outcome.error} title={t('list.exportFailed')} onRetry={() => void run()} />
        </div>
      ) : null}
    </>
  );
}
