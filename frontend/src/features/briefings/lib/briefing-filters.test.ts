import { describe, expect, it } from 'vitest';

import { briefingListParams, briefingListQuery } from './briefing-filters';

describe('briefing list filters', () => {
  it('keeps known values from the URL and drops the rest', () => {
    const values = briefingListParams.parse(new URLSearchParams('status=in_review&kind=novel&overdue=true&assigned=you'));
    expect(values).toEqual({ status: 'in_review', overdue: true });
  });

  it('always sends a sort, the latest change first by default', () => {
    expect(briefingListQuery({ queue: true })).toEqual({ queue: true, sort: '-updated_at' });
    expect(briefingListQuery({ sort: 'due_date' })).toEqual({ sort: 'due_date' });
  });
});
