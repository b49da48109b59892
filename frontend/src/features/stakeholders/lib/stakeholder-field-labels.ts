// The stakeholder's API fields named as the form labels them, so a server refusal names "Contact
// phone", not `contact_phone` (lib/form-errors.ts).
import type { TFunction } from 'i18next';

import type { FieldLabels } from '@/lib/form-errors';

export function stakeholderFieldLabels(t: TFunction): FieldLabels {
  return {
    name: t('stakeholders.fields.name'),
    kind: t('stakeholders.fields.kind'),
    external_id: t('stakeholders.fields.externalId'),
    country: t('stakeholders.fields.country'),
    sector: t('stakeholders.fields.sector'),
    size_class: t('stakeholders.fields.size'),
    employees: t('stakeholders.fields.employees'),
    women_led: t('stakeholders.fields.womenLed'),
    exporter: t('stakeholders.fields.exporter'),
    importer: t('stakeholders.fields.importer'),
    contact_name: t('stakeholders.fields.contactName'),
    contact_email: t('stakeholders.fields.contactEmail'),
    contact_phone: t('stakeholders.fields.contactPhone'),
    consent_purpose: t('stakeholders.fields.consentPurpose'),
    consent_at: t('stakeholders.fields.consentAt'),
    delegation_id: t('stakeholders.fields.delegation'),
  };
}
