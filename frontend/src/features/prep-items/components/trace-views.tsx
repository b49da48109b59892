// The trace pages' bodies. An impediment's way to Geneva — reported, validated, raised, and the prep items
// that cite it — and a prep item's evidence chain back to the firms: the impediments and consultation
// results it cites and their strength in aggregate. Each part lists only what the user may read.
import { Anchor, Group, List, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import { formatInstant, formatPlainDate } from '@/lib/format-date';
import { useNames } from '@/lib/reference';

import { targetFacts } from '../lib/evidence-target';
import { prepKindLabel } from '../lib/prep-labels';
import type { ImpedimentTrace, PrepItemTrace, TraceImpediment, TracePrepItem } from '../lib/trace-types';

import { EvidenceStrengthFigures } from './evidence-strength-figures';
import { PrepStatusBadge } from './prep-badges';

function PrepItemLine({ item }: { item: TracePrepItem }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      <Anchor component={Link} to={paths.prepItem(item.id)} fw={600}>
        {item.title}
      </Anchor>
      <Text size="sm" c="dimmed">
        {item.ministerial_code} · {item.owner.name} · {prepKindLabel(t, item.kind)}
      </Text>
      <PrepStatusBadge status={item.status} />
      {item.outcome?.text ? (
        <Text size="sm">
          {t('prep.item.outcome')}: {item.outcome.text}
          {item.outcome.date ? ` (${formatPlainDate(item.outcome.date)})` : ''}
        </Text>
      ) : null}
    </Group>
  );
}

function ImpedimentLine({ impediment }: { impediment: TraceImpediment }) {
  const { t } = useTranslation();
  const names = useNames(['country', 'partner']);
  return (
    <Stack gap={2}>
      <Anchor component={Link} to={paths.impediment(impediment.id)} fw={600}>
        {impediment.title}
      </Anchor>
      <Text size="sm" c="dimmed">
        {targetFacts(
          t,
          { status: impediment.status, severity: impediment.severity, country: impediment.reporting_country, partner: impediment.partner },
          names,
        ).join(' · ')}
      </Text>
      {impediment.topics.length > 0 ? (
        <Text size="sm">{impediment.topics.map((topic) => `${topic.code} — ${topic.title}`).join(', ')}</Text>
      ) : null}
    </Stack>
  );
}

export function ImpedimentTraceView({ trace }: { trace: ImpedimentTrace }) {
  const { t } = useTranslation();
  const { impediment } = trace;
  return (
    <Stack gap="lg" data-testid="impediment-trace">
      <Text c="dimmed">{t('trace.impediment.intro')}</Text>
      <Paper withBorder p="md">
        <ImpedimentLine impediment={impediment} />
      </Paper>
      <Timeline component="ol" active={trace.steps.length + trace.prep_items.length} bulletSize={14} style={{ listStyle: 'none', paddingInlineStart: 0 }}>
        <Timeline.Item component="li" title={formatInstant(impediment.reported_at)}>
          <Text size="sm">{t('impediments.status.reported')}</Text>
        </Timeline.Item>
        {trace.steps.map((step, index) => (
          <Timeline.Item key={`${step.at}-${index}`} component="li" title={formatInstant(step.at)}>
            <Text size="sm">
              {t(`impediments.status.${step.to}` as 'impediments.status.reported', { defaultValue: step.to })}
              {step.to === 'raised' && impediment.raised_body ? ` — ${impediment.raised_body}` : ''}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      <section aria-labelledby="trace-prep-heading">
        <Title order={2} size="h3" id="trace-prep-heading" mb="xs">
          {t('nav.ministerial')}
        </Title>
        {trace.prep_items.length === 0 ? (
          <Text c="dimmed">{t('trace.impediment.empty')}</Text>
        ) : (
          <List spacing="xs" listStyleType="none" data-testid="trace-prep-items">
            {trace.prep_items.map((item) => (
              <List.Item key={item.id}>
                <PrepItemLine item={item} />
              </List.Item>
            ))}
          </List>
        )}
      </section>
    </Stack>
  );
}

export function PrepItemTraceView({ trace }: { trace: PrepItemTrace }) {
  const { t } = useTranslation();
  const empty = trace.impediments.length === 0 && trace.questions.length === 0;
  return (
    <Stack gap="lg" data-testid="prep-item-trace">
      <Text c="dimmed">{t('trace.prepItem.intro')}</Text>
      <Paper withBorder p="md">
        <PrepItemLine item={trace.prep_item} />
      </Paper>
      {empty ? <Text c="dimmed">{t('trace.prepItem.empty')}</Text> : null}
      {trace.impediments.length > 0 ? (
        <section aria-labelledby="trace-impediments-heading">
          <Title order={2} size="h3" id="trace-impediments-heading" mb="xs">
            {t('nav.impediments')}
          </Title>
          <List spacing="sm" listStyleType="none">
            {trace.impediments.map((impediment) => (
              <List.Item key={impediment.id}>
                <ImpedimentLine impediment={impediment} />
              </List.Item>
            ))}
          </List>
        </section>
      ) : null}
      {trace.questions.length > 0 ? (
        <section aria-labelledby="trace-questions-heading">
          <Title order={2} size="h3" id="trace-questions-heading" mb="xs">
            {t('nav.consultations')}
          </Title>
          <List spacing="sm" listStyleType="none">
            {trace.questions.map((question) => (
              <List.Item key={`${question.consultation_id}-${question.question_code}`}>
                <Anchor component={Link} to={paths.consultationResults(question.consultation_id)} fw={600}>
                  {question.consultation_title}
                </Anchor>
                <Text size="sm">{question.prompt}</Text>
              </List.Item>
            ))}
          </List>
        </section>
      ) : null}
      <section aria-labelledby="trace-strength-heading">
        <Title order={2} size="h3" id="trace-strength-heading" mb="xs">
          {t('prep.strength.title')}
        </Title>
        <EvidenceStrengthFigures strength={trace.strength} />
      </section>
    </Stack>
  );
}
