// One stakeholder's facts (never its contact values: those come only from the contact panel).
import { Badge, Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { formatInstant, formatPlainDate } from '@/lib/format-date';
import { useNames } from '@/lib/reference';

import type { Stakeholder } from '../lib/stakeholder-values';

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

export function StakeholderDetails({ stakeholder: s }: { stakeholder: Stakeholder }) {
  const { t } = useTranslation();
  const names = useNames(['country', 'sector', 'delegation']);
  const none = t('common.none');
  const yesNo = (v: boolean) => t(v ? 'stakeholders.filters.yes' : 'stakeholders.filters.no');
  return (
    <Paper withBorder p="md">
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="md" m={0}>
        {s.erased ? (
          <Fact label={t('stakeholders.fields.erased')}>
            <Badge color="gray">{s.erased_at ? formatInstant(s.erased_at) : t('stakeholders.fields.erased')}</Badge>
          </Fact>
        ) : null}
        <Fact label={t('stakeholders.fields.kind')}>{t(`stakeholders.kind.${s.kind}`)}</Fact>
        <Fact label={t('stakeholders.fields.externalId')}>{s.external_id ?? none}</Fact>
        <Fact label={t('stakeholders.fields.country')}>{names.country(s.country)}</Fact>
        <Fact label={t('stakeholders.fields.sector')}>{names.sector(s.sector)}</Fact>
        <Fact label={t('stakeholders.fields.size')}>{t(`stakeholders.size.${s.size_class}`)}</Fact>
        <Fact label={t('stakeholders.fields.employees')}>{s.employees ?? none}</Fact>
        <Fact label={t('stakeholders.fields.womenLed')}>{yesNo(s.women_led)}</Fact>
        <Fact label={t('stakeholders.fields.exporter')}>{yesNo(s.exporter)}</Fact>
        <Fact label={t('stakeholders.fields.importer')}>{yesNo(s.importer)}</Fact>
        <Fact label={t('stakeholders.fields.consentPurpose')}>{s.consent_purpose ?? none}</Fact>
        <Fact label={t('stakeholders.fields.consentAt')}>{s.consent_at ? formatPlainDate(s.consent_at) : none}</Fact>
        <Fact label={t('stakeholders.fields.delegation')}>{names.delegation(s.delegation_id)}</Fact>
      </SimpleGrid>
    </Paper>
  );
}
