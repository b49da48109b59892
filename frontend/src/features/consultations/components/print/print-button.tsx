// "Print" on the results page: the browser's print dialog, which results-print.css turns into the
// results alone (also the way to a PDF for a briefing pack).
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function PrintButton() {
  const { t } = useTranslation();
  return (
    <Button variant="outline" onClick={() => window.print()} data-print="hide">
      {t('consultations.results.print.button')}
    </Button>
  );
}
