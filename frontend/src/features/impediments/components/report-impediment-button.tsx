// "Report an impediment": opens the report form in a dialog and goes to the new record once saved.
import { Button, Modal } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { paths } from '@/config/paths';

import type { Option } from '../lib/impediment-options';

import { CreateImpedimentForm } from './create-impediment-form';

type ReportImpedimentButtonProps = { defaultReportingCountry?: string; topicOptions: Option[] };

export function ReportImpedimentButton({ defaultReportingCountry, topicOptions }: ReportImpedimentButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('impediments.report')}</Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('impediments.form.title')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('impediments.form.close') }}
      >
        {open ? (
          <CreateImpedimentForm
            defaultReportingCountry={defaultReportingCountry}
            topicOptions={topicOptions}
            onCancel={() => setOpen(false)}
            onCreated={(created) => {
              setOpen(false);
              void navigate(paths.impediment(created.id));
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}
