// The evidence strength as a list of figures: each withheld count reads "fewer than k" (in words, so it
// cannot be mistaken for a zero); a count below k that only an admin is shown says so.
import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { formatInstant } from '@/lib/format-date';

import { strengthFigures, type EvidenceStrength, type Figure } from '../lib/strength';

function FigureText({ figure, k, percent }: { figure: Figure; k: number; percent?: boolean }) {
  const { t, i18n } = useTranslation();
  switch (figure.kind) {
    case 'withheld':
      return (
        <Text span fs="italic" c="dimmed" data-withheld>
          {t('prep.strength.fewer', { k })}
        </Text>
      );
    case 'date':
      return <>{formatInstant(figure.value)}</>;
    case 'share':
      return (
        <>
          {new Intl.NumberFormat(i18n.language, percent ? { style: 'percent' } : { maximumFractionDigits: 1 }).format(
            figure.value,
          )}
        </>
      );
    case 'count':
      return (
        <>
          {new Intl.NumberFormat(i18n.language).format(figure.value)}
          {figure.belowK ? (
            <Text span size="xs" c="red.9" ml={4}>
              {t('consultations.results.belowK', { k })}
            </Text>
          ) : null}
        </>
      );
  }
}

export function EvidenceStrengthFigures({ strength }: { strength: EvidenceStrength }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed" mb="sm">
        {t('prep.strength.help', { k: strength.k })}
      </Text>
      <SimpleGrid component="dl" cols={{ base: 2, sm: 3 }} spacing="sm" m={0} data-testid="evidence-strength">
        {strengthFigures(strength).map(({ key, figure }) => (
          <div key={key} data-figure={key}>
            <Text size="sm" c="dimmed" component="dt">
              {t(`prep.strength.${key}`)}
            </Text>
            <Text component="dd" m={0} fw={600}>
              <FigureText figure={figure} k={strength.k} percent={key === 'womenLed'} />
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
