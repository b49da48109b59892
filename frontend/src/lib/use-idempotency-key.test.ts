import { renderHook } from '@testing-library/react';

import { idempotencyKeys, useIdempotencyKey } from './use-idempotency-key';

function counter() {
  let n = 0;
  return () => `key-${++n}`;
}

describe('idempotency keys', () => {
  it('keeps the key while the body is unchanged, so a resend is a replay', () => {
    const keys = idempotencyKeys(counter());
    const body = { title: 'Shrimp held', hs_code: '7701' };
    expect(keys.keyFor(body)).toBe('key-1');
    expect(keys.keyFor({ ...body })).toBe('key-1');
  });

  it('makes a new key when the body changes, so a fixed form is a new attempt', () => {
    const keys = idempotencyKeys(counter());
    expect(keys.keyFor({ hs_code: '7701' })).toBe('key-1');
    expect(keys.keyFor({ hs_code: '0306.17' })).toBe('key-2');
    // Going back to the first body is another attempt again: only the last body is remembered.
    expect(keys.keyFor({ hs_code: '7701' })).toBe('key-3');
  });

  it('makes a new key for the same body after renew (another entry after a success)', () => {
    const keys = idempotencyKeys(counter());
    expect(keys.keyFor({ note: '' })).toBe('key-1');
    keys.renew();
    expect(keys.keyFor({ note: '' })).toBe('key-2');
  });

  it('gives a form one set of keys across renders', () => {
    const { result, rerender } = renderHook(() => useIdempotencyKey());
    const first = result.current.keyFor({ name: 'Dhaka Knitwear Ltd' });
    rerender();
    expect(result.current.keyFor({ name: 'Dhaka Knitwear Ltd' })).toBe(first);
    expect(result.current.keyFor({ name: 'Dhaka Knitwear Limited' })).not.toBe(first);
  });
});
