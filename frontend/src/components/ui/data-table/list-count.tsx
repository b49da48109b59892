// "25 of 806 impediments" when the API says how many match, "25 of more than 1,000 impediments" when it
// stopped counting, "25 impediments shown" when it says nothing (a later page), "3 impediments" once
// every row is shown.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { ListTotal } from '@/api/lists';

type ListCountProps = {
  shown: number;
  total: ListTotal;
  more: boolean;
  /** The list's noun with its number: `(n) => t('impediments.count', { count: n })`. */
  noun: (count: number) => string;
  testId?: string;
};

export function ListCount({ shown, total, more, noun, testId }: ListCountProps) {
  const { t, i18n } = useTranslation();
  let text = noun(shown);
  if (total !== null && total.count > shown) {
    const key = total.atLeast ? 'list.countOfMoreThan' : 'list.countOf';
    text = t(key, { shown: new Intl.NumberFormat(i18n.language).format(shown), total: noun(total.count) });
  } else if (more) {
    text = t('list.countShown', { things: noun(shown) });
  }
  return (
    <Text size="sm" c="dimmed" role="status" data-testid={testId}>
      {text}
    </Text>
  );
}
