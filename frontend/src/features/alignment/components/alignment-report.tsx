// The alignment report for a delegation or a coalition: a summary of what needs attention, the topic ×
// measure heat map (or, on request, the same figures as a plain table), a drill-down from a topic to its
// evidence, the CSV download and printing. The drill-down's content is the tracker's, passed in by the
// page (features do not import each other).
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { formatInstant } from '@/lib/format-date';
import { problemFrom, problemMessage } from '@/lib/problem';

import { alignmentQueryOptions, downloadAlignmentCsv, type AlignmentOwner } from '../api/get-alignment';
import type { AlignmentRow } from '../lib/alignment-types';
import { needsAttention, orderRows } from '../lib/alignment-values';

import { AlignmentHeatMap } from './alignment-heat-map';

import './alignment-print.css';

type Props = {
  owner: AlignmentOwner;
  /** What a topic opens into: its evidence (the tracker's topic evidence). */
  drill: (topicId: string) => ReactNode;
};

export function AlignmentReport({ owner, drill }: Props) {
  const { t } = useTranslation();
  const report = useQuery(alignmentQueryOptions(owner));
  const [view, setView] = useState<'heat' | 'table'>('heat');
  const [open, setOpen] = useState<AlignmentRow | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  if (report.isPending) return <PageLoader />;
  if (report.isError) return <QueryError error={report.error} onRetry={() => void report.refetch()} />;
  const data = report.data;
  const rows = orderRows(data.rows);
  const attention = rows.filter((row) => needsAttention(row.status)).length;

  async function download() {
    setDownloadError(null);
    try {
      await downloadAlignmentCsv(owner, `alignment-${data.owner.code ?? data.owner.id}.csv`);
    } catch (error) {
      setDownloadError(problemMessage(problemFrom(error)));
    }
  }

  return (
    <Stack gap="md" data-alignment-page>
      <Text size="sm" c="dimmed">
        {data.owner.name} · {t('alignment.generated', { at: formatInstant(data.generated_at), k: data.k })}
      </Text>
      <Text fw={600} data-testid="alignment-attention">
        {attention === 0 ? t('alignment.attentionNone') : t('alignment.attention', { count: attention })}
      </Text>
      <Group justify="space-between" wrap="wrap" data-print="hide">
        <SegmentedControl
          aria-label={t('alignment.view.label')}
          value={view}
          onChange={(value) => setView(value === 'table' ? 'table' : 'heat')}
          data={[
            { value: 'heat', label: t('alignment.view.heatMap') },
            { value: 'table', label: t('alignment.view.table') },
          ]}
        />
        <Group gap="xs">
          <Button variant="outline" onClick={() => void download()}>
            {t('alignment.csv')}
          </Button>
          <Button variant="outline" onClick={() => window.print()}>
            {t('alignment.print')}
          </Button>
        </Group>
      </Group>
      {downloadError ? (
        <Alert color="red" variant="light" role="alert">
          {downloadError}
        </Alert>
      ) : null}
      <AlignmentHeatMap rows={rows} shaded={view === 'heat'} onOpen={setOpen} />
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open ? t('alignment.drill.title', { topic: `${open.topic.code} — ${open.topic.title}` }) : ''}
        size="lg"
        closeButtonProps={{ 'aria-label': t('alignment.drill.close') }}
      >
        {open ? drill(open.topic.id) : null}
      </Modal>
    </Stack>
  );
}
