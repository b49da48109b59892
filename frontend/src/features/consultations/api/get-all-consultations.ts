// GET /api/v1/consultations, every page: the consultations in some statuses, of one delegation (or every
// one the caller may see when none is named), by title — for a picker, where a Load more button has no
// place. Each status is asked for on its own (the list filters by one), the pages at the largest size.
import { queryOptions } from '@tanstack/react-query';

import { EXPORT_PAGE_SIZE } from '@/components/ui/data-table';

import type { Consultation, ConsultationStatus } from '../lib/consultation-values';

import { consultationsQueryKey, getConsultations } from './get-consultations';

/** More than a picker can usefully hold; past it, the rest are left out. */
const PICKER_CAP = 1_000;

type AllConsultationsFilters = { statuses: readonly ConsultationStatus[]; delegation?: string };

async function everyPage(status: ConsultationStatus, delegation: string | undefined, signal: AbortSignal) {
  const items: Consultation[] = [];
  let cursor: string | undefined;
  do {
    const page = await getConsultations({ status, delegation, sort: 'title', limit: EXPORT_PAGE_SIZE, cursor }, signal);
    items.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor && items.length < PICKER_CAP);
  return items;
}

export const allConsultationsQueryOptions = ({ statuses, delegation }: AllConsultationsFilters) =>
  queryOptions({
    queryKey: [...consultationsQueryKey, 'all', { statuses, delegation }],
    queryFn: async ({ signal }) => {
      const lists = await Promise.all(statuses.map((status) => everyPage(status, delegation, signal)));
      return lists.flat().sort((a, b) => a.title.localeCompare(b.title));
    },
  });
