// The impediment's API fields named as the report and workflow forms label them, so a server refusal
// names "Partner market", not `partner` (lib/form-errors.ts).
import type { TFunction } from 'i18next';

import type { FieldLabels } from '@/lib/form-errors';

export function impedimentFieldLabels(t: TFunction): FieldLabels {
  return {
    reporting_country: t('impediments.form.reportingCountry'),
    partner: t('impediments.form.partner'),
    ntm_code: t('impediments.form.ntmCode'),
    hs_code: t('impediments.form.hsCode'),
    title: t('impediments.form.titleField'),
    description: t('impediments.form.description'),
    severity: t('impediments.form.severity'),
    frequency: t('impediments.form.frequency'),
    estimated_cost: t('impediments.form.estimatedCost'),
    currency: t('impediments.form.currency'),
    visibility: t('impediments.form.visibility'),
    topic_ids: t('impediments.topics.title'),
    source: t('impediments.fields.source'),
    note: t('impediments.workflow.note'),
    raised_body: t('impediments.workflow.raisedBody'),
    raised_on: t('impediments.workflow.raisedOn'),
  };
}
