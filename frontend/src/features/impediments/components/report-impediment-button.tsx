// "Report an impediment": opens the report form in a dialog and goes to the new record once saved.
import { Button, Modal } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { paths } from '@/config/paths';

import { CreateImpedimentForm } from './create-impediment-form';

export function ReportImpedimentButton({ defaultReportingCountry }: { defaultReportingCountry?: string }) {
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
