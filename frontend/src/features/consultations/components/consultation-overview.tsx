// The facts of a consultation: status, whether its link takes responses now, how many it has, owner,
// visibility, languages and dates, and the public link with a Copy button.
import { Anchor, Button, CopyButton, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import { formatInstant } from '@/lib/format-date';
import { visibilityLabel } from '@/lib/labels';

import { shareUrl, type Consultation } from '../lib/consultation-values';

import { ConsultationStatusBadge, languageLabel } from './consultation-labels';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </div>
  );
}

export function ConsultationOverview({
  consultation: c,
  ownerName,
}: {
  consultation: Consultation;
  ownerName: string;
}) {
  const { t } = useTranslation();
  const link = shareUrl(globalThis.location?.origin ?? '', c.token);
  const when = (iso: string | null | undefined) => (iso ? formatInstant(iso) : t('common.none'));

  return (
    <Stack gap="md">
      {c.description ? <Text style={{ whiteSpace: 'pre-line' }}>{c.description}</Text> : null}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Fact label={t('consultations.columns.status')}>
          <ConsultationStatusBadge status={c.status} />
        </Fact>
        <Fact label={t('consultations.columns.accepting')}>
          <span data-testid="consultation-accepting">
            {c.accepting_responses ? t('consultations.accepting.yes') : t('consultations.accepting.no')}
          </span>
        </Fact>
        <Fact label={t('consultations.columns.responses')}>
          <span data-testid="consultation-responses">{c.response_count}</span>{' '}
          {c.response_count > 0 ? (
            <Anchor component={Link} to={paths.consultationResults(c.id)} size="sm">
              {t('consultations.overview.seeResults')}
            </Anchor>
          ) : null}
        </Fact>
        <Fact label={t('consultations.columns.owner')}>{ownerName}</Fact>
        <Fact label={t('consultations.form.visibility')}>{visibilityLabel(t, c.visibility)}</Fact>
        <Fact label={t('consultations.form.languages')}>{c.languages.map((l) => languageLabel(t, l)).join(', ')}</Fact>
        <Fact label={t('consultations.form.opensAt')}>{when(c.opens_at)}</Fact>
        <Fact label={t('consultations.form.closesAt')}>{when(c.closes_at)}</Fact>
      </SimpleGrid>
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <TextInput
          label={t('consultations.overview.link')}
          description={t('consultations.overview.linkHelp')}
          value={link}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          style={{ flex: 1 }}
          data-testid="consultation-link"
        />
        <CopyButton value={link}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'light' : 'outline'} color={copied ? 'teal' : undefined} onClick={copy}>
              {copied ? t('consultations.overview.copied') : t('consultations.overview.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
