// A count as text: the number (marked when below k, which only admins are shown), or "withheld".
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { countView } from '../lib/results-values';

type CountTextProps = { cell: { count?: number | null; withheld: boolean; below_k?: boolean }; k: number };

export function CountText({ cell, k }: CountTextProps) {
  const { t, i18n } = useTranslation();
  const view = countView(cell);
  if (view.kind === 'withheld') {
    return (
      <Text span inherit fs="italic" c="dimmed" data-withheld>
        {t('consultations.results.withheld', { k })}
      </Text>
    );
  }
  return (
    <Text span inherit style={{ fontVariantNumeric: 'tabular-nums' }}>
      {new Intl.NumberFormat(i18n.language).format(view.count)}
      {view.belowK ? (
        <Text span size="xs" c="red.9" ml={4}>
          {t('consultations.results.belowK', { k })}
        </Text>
      ) : null}
    </Text>
  );
}
