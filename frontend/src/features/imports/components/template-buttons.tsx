// The chosen kind's import templates, as CSV or XLSX. A template of paper answers is the chosen
// consultation's (its questions are the columns), so until one is chosen its buttons wait, saying why.
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { downloadTemplate, type TemplateFormat } from '../api/downloads';
import type { ImportKind } from '../lib/import-values';

type TemplateButtonsProps = {
  kind: ImportKind;
  /** `consultation_responses`: the chosen consultation, or '' while none is. */
  consultationId: string;
};

export function TemplateButtons({ kind, consultationId }: TemplateButtonsProps) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const responses = kind === 'consultation_responses';
  const waiting = responses && consultationId === '';

  const download = (format: TemplateFormat) => {
    setFailed(false);
    downloadTemplate(kind, format, responses ? consultationId : undefined).catch(() => setFailed(true));
  };

  return (
    <Stack gap={4}>
      <Text size="sm">{t('imports.form.templateHint', { kind: t(`imports.kind.${kind}`) })}</Text>
      <Group gap="xs">
        <Button variant="light" size="xs" disabled={waiting} onClick={() => download('csv')} data-testid="template-csv">
          {t('imports.form.templateCsv')}
        </Button>
        <Button
          variant="light"
          size="xs"
          disabled={waiting}
          onClick={() => download('xlsx')}
          data-testid="template-xlsx"
        >
          {t('imports.form.templateXlsx')}
        </Button>
      </Group>
      {waiting ? (
        <Text size="xs" c="dimmed">
          {t('imports.form.templateNeedsConsultation')}
        </Text>
      ) : null}
      {failed ? (
        <Text size="sm" c="red" role="alert">
          {t('imports.form.templateFailed')}
        </Text>
      ) : null}
    </Stack>
  );
}
