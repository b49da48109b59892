// "25 of 806 impediments" when the API says how many match, "25 impediments shown" when it does not
// (a later page, or a server that cannot count cheaply), "3 impediments" once every row is shown.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type ListCountProps = {
  shown: number;
  total: number | null;
  more: boolean;
  /** The list's noun with its number: `(n) => t('impediments.count', { count: n })`. */
  noun: (count: number) => string;
  testId?: string;
};

export function ListCount({ shown, total, more, noun, testId }: ListCountProps) {
  const { t, i18n } = useTranslation();
  let text = noun(shown);
  if (total !== null && total > shown) {
    text = t('list.countOf', { shown: new Intl.NumberFormat(i18n.language).format(shown), total: noun(total) });
  } else if (more) {
    text = t('list.countShown', { things: noun(shown) });
  }
  return (
    <Text size="sm" c="dimmed" role="status" data-testid={testId}>
      {text}
    </Text>
  );
}
