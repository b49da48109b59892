// /library/:id: one document with its versions and downloads.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { PageTitle } from '@/components/ui/page-title';
import { documentQueryOptions } from '@/features/documents/api/get-document';
import { DocumentDetails } from '@/features/documents/components/document-details';

export function DocumentRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const doc = useQuery(documentQueryOptions(id));
  const title = doc.data?.title ?? t('documents.list.title');
  return (
    <>
      <PageTitle documentTitle={title}>{title}</PageTitle>
      <DocumentDetails id={id} />
    </>
  );
}
