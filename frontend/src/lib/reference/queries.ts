// The reference data every page names codes with — countries, ISIC sectors, NTM categories, delegations
// and the topics catalogue — fetched once and kept: it changes with a release, not during a session.
// Every feature reads it from here, so each list is requested once per session whatever page asks.
import { queryOptions } from '@tanstack/react-query';

import type { ApiItem } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

export type Country = ApiItem<'/api/v1/countries'>;
export type Sector = ApiItem<'/api/v1/sectors'>;
export type NtmCategory = ApiItem<'/api/v1/ntm-categories'>;
export type Delegation = ApiItem<'/api/v1/delegations'>;
export type TopicSummary = ApiItem<'/api/v1/topics'>;

const HOUR = 60 * 60_000;
/** Each list is a few dozen rows: one page of the largest size holds it. */
const ALL = 200;

export const referenceQueryKey = ['reference'] as const;

export const countriesQueryOptions = () =>
  queryOptions({
    queryKey: [...referenceQueryKey, 'countries'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/countries', { params: { query: { limit: ALL } }, signal })),
    staleTime: HOUR,
  });

export const sectorsQueryOptions = () =>
  queryOptions({
    queryKey: [...referenceQueryKey, 'sectors'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/sectors', { signal })),
    staleTime: HOUR,
  });

export const ntmCategoriesQueryOptions = () =>
  queryOptions({
    queryKey: [...referenceQueryKey, 'ntm-categories'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/ntm-categories', { params: { query: { limit: ALL } }, signal })),
    staleTime: HOUR,
  });

export const delegationsQueryOptions = () =>
  queryOptions({
    queryKey: [...referenceQueryKey, 'delegations'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/delegations', { params: { query: { limit: ALL } }, signal })),
    staleTime: HOUR,
  });

/** The whole topics catalogue (a few dozen), for names and pickers; admins edit it, so it ages sooner. */
export const allTopicsQueryOptions = () =>
  queryOptions({
    queryKey: ['topics', 'all'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/topics', { params: { query: { limit: ALL, sort: 'code' } }, signal })),
    staleTime: 10 * 60_000,
  });
