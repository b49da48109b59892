// One impediment's facts. Topics are shown by the page, which composes the topics feature.
import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { formatInstant, formatPlainDate } from '@/lib/format-date';
import { visibilityLabel } from '@/lib/labels';
import { useNames } from '@/lib/reference';

import type { Impediment } from '../lib/impediment-values';

import { frequencyLabel, ImpedimentStatusBadge, severityLabel, sourceLabel } from './impediment-labels';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

export function ImpedimentDetails({ impediment }: { impediment: Impediment }) {
  const { t, i18n } = useTranslation();
  const names = useNames(['country', 'partner', 'ntm', 'delegation']);
  const none = t('common.none');
  const cost =
    impediment.estimated_cost == null
      ? none
      : `${new Intl.NumberFormat(i18n.language).format(impediment.estimated_cost)}${impediment.currency ? ` ${impediment.currency}` : ''}`;
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="md" m={0}>
          <Fact label={t('impediments.fields.status')}>
            <ImpedimentStatusBadge status={impediment.status} />
          </Fact>
          <Fact label={t('impediments.fields.reportingCountry')}>{names.country(impediment.reporting_country)}</Fact>
          <Fact label={t('impediments.fields.partner')}>{names.partner(impediment.partner)}</Fact>
          <Fact label={t('impediments.fields.ntm')}>{names.ntm(impediment.ntm_code)}</Fact>
          <Fact label={t('impediments.fields.hs')}>{impediment.hs_code ?? none}</Fact>
          <Fact label={t('impediments.fields.severity')}>{severityLabel(t, impediment.severity)}</Fact>
          <Fact label={t('impediments.fields.frequency')}>{frequencyLabel(t, impediment.frequency)}</Fact>
          <Fact label={t('impediments.fields.estimatedCost')}>{cost}</Fact>
          <Fact label={t('impediments.fields.visibility')}>{visibilityLabel(t, impediment.visibility)}</Fact>
          <Fact label={t('impediments.fields.delegation')}>{names.delegation(impediment.delegation_id)}</Fact>
          <Fact label={t('impediments.fields.source')}>{sourceLabel(t, impediment.source)}</Fact>
          <Fact label={t('impediments.fields.raised')}>
            {impediment.raised_body
              ? t('impediments.fields.raisedValue', { body: impediment.raised_body, date: impediment.raised_on ? formatPlainDate(impediment.raised_on) : none })
              : none}
          </Fact>
          <Fact label={t('impediments.fields.created')}>{formatInstant(impediment.created_at)}</Fact>
          <Fact label={t('impediments.fields.updated')}>{formatInstant(impediment.updated_at)}</Fact>
        </SimpleGrid>
      </Paper>
      <div>
        <Text size="sm" c="dimmed">
          {t('impediments.fields.description')}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{impediment.description}</Text>
      </div>
    </Stack>
  );
}
