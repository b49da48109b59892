// "Add a stakeholder" / "Edit": opens the stakeholder form in a dialog.
import { Button, Modal } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Stakeholder } from '../lib/stakeholder-values';

import { StakeholderForm } from './stakeholder-form';

type Props = { stakeholder?: Stakeholder; defaultCountry?: string; onSaved?: (stakeholder: Stakeholder) => void };

export function StakeholderFormButton({ stakeholder, defaultCountry, onSaved }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const title = t(stakeholder ? 'stakeholders.form.editTitle' : 'stakeholders.form.title');
  return (
    <>
      <Button variant={stakeholder ? 'outline' : 'filled'} onClick={() => setOpen(true)}>
        {t(stakeholder ? 'stakeholders.edit' : 'stakeholders.add')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={title}
        size="lg"
        closeButtonProps={{ 'aria-label': t('stakeholders.form.close') }}
      >
        {open ? (
          <StakeholderForm
            stakeholder={stakeholder}
            defaultCountry={defaultCountry}
            onCancel={() => setOpen(false)}
            onSaved={(saved) => {
              setOpen(false);
              onSaved?.(saved);
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}
