// /library: the documents the caller may read, as a sortable, counted, exportable list, with the search
// page a link away and — for those who publish — a new document.
import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { CreateDocumentForm } from '@/features/documents/components/create-document-form';
import { DocumentsList } from '@/features/documents/components/documents-list';
import { useSignedInUser } from '@/lib/auth/use-user';

const publishers = ['admin', 'analyst', 'delegate', 'focal_point'];

export function DocumentsRoute() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageTitle documentTitle={t('documents.list.title')}>{t('documents.list.title')}</PageTitle>
      <Group justify="space-between" mb="md">
        <Text c="dimmed">{t('documents.list.intro')}</Text>
        <Group>
          <Button component={Link} to={paths.librarySearch} variant="default">
            {t('documents.search.title')}
          </Button>
          {publishers.includes(user.role) && <Button onClick={() => setCreating(true)}>{t('documents.form.title')}</Button>}
        </Group>
      </Group>
      <DocumentsList />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('documents.form.title')} size="lg">
        <CreateDocumentForm onCreated={(d) => void navigate(paths.document(d.id))} />
      </Modal>
    </>
  );
}
