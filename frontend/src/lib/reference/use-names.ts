// `useNames()`: the functions that name codes (names.ts), over the reference data this page has loaded.
// Each list loads on first use and is kept for the session; until it arrives a code reads as itself.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { buildNames, type NameKind, type Names } from './names';
import {
  allTopicsQueryOptions,
  countriesQueryOptions,
  delegationsQueryOptions,
  ntmCategoriesQueryOptions,
  sectorsQueryOptions,
} from './queries';

const allKinds: readonly NameKind[] = ['country', 'partner', 'sector', 'ntm', 'delegation', 'topic'];

/** The naming functions; `kinds` limits which reference lists this component loads. */
export function useNames(kinds: readonly NameKind[] = allKinds): Names {
  const { t } = useTranslation();
  const wants = (...k: NameKind[]) => k.some((kind) => kinds.includes(kind));
  const countries = useQuery({ ...countriesQueryOptions(), enabled: wants('country', 'partner') });
  const sectors = useQuery({ ...sectorsQueryOptions(), enabled: wants('sector') });
  const ntm = useQuery({ ...ntmCategoriesQueryOptions(), enabled: wants('ntm') });
  const delegations = useQuery({ ...delegationsQueryOptions(), enabled: wants('delegation') });
  const topics = useQuery({ ...allTopicsQueryOptions(), enabled: wants('topic') });

  return useMemo(
    () =>
      buildNames(
        {
          countries: countries.data?.items,
          sectors: sectors.data?.items,
          ntmCategories: ntm.data?.items,
          delegations: delegations.data?.items,
          topics: topics.data?.items,
        },
        t,
      ),
    [countries.data, sectors.data, ntm.data, delegations.data, topics.data, t],
  );
}
