// Words for the library's codes, through the translations.
import type { TFunction } from 'i18next';

import type { DocumentKind } from './document-values';

export function documentKindLabel(t: TFunction, kind: DocumentKind | string): string {
  return t(`documents.kinds.${kind}`, { defaultValue: kind });
}
