import { ApiError } from '@/lib/problem';

import { saveFailure } from './text-save';

const failure = (status: number) => new ApiError({ type: 'about:blank', title: 'x', status, errors: [] });

describe('a failed text save', () => {
  it('reads a stale or missing version as a conflict', () => {
    expect(saveFailure(failure(412))).toEqual({ kind: 'conflict' });
    expect(saveFailure(failure(428))).toEqual({ kind: 'conflict' });
  });

  it('reads anything else as a problem', () => {
    expect(saveFailure(failure(422))).toEqual({ kind: 'problem', status: 422 });
  });
});
