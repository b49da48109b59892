// /library/search: full-text search over the library, with highlighted snippets rendered as text.
import { useTranslation } from 'react-i18next';

import { PageTitle } from '@/components/ui/page-title';
import { SearchResults } from '@/features/documents/components/search-results';

export function DocumentsSearchRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle documentTitle={t('documents.search.title')}>{t('documents.search.title')}</PageTitle>
      <SearchResults />
    </>
  );
}
