// "New consultation": opens the form in a dialog and goes to the new consultation once created.
import { Button, Modal } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { paths } from '@/config/paths';

import { CreateConsultationForm, type CreateConsultationFormProps } from './create-consultation-form';

export function CreateConsultationButton(props: Omit<CreateConsultationFormProps, 'onCreated' | 'onCancel'>) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('consultations.create')}</Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('consultations.form.title')}
        size="xl"
        closeButtonProps={{ 'aria-label': t('consultations.form.close') }}
      >
        {open ? (
          <CreateConsultationForm
            {...props}
            onCancel={() => setOpen(false)}
            onCreated={(created) => {
              setOpen(false);
              void navigate(paths.consultation(created.id));
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}
