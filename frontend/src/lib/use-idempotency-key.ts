// Idempotency-Key headers for create forms. A key names one attempt at one request body: the server
// answers a repeat of the same key and body with the first outcome, and refuses the same key with a
// different body (422 "reused"). So a form resends an unchanged body under the same key (a retry after
// a lost response or a double click cannot create the record twice) and sends a changed body — the
// user fixed a field the server refused — under a fresh key.
import { useState } from 'react';

import { randomId } from './random-id';

export type IdempotencyKeys = {
  /** The key for sending `body`: the previous one while the serialized body is unchanged, else a new one. */
  keyFor: (body: unknown) => string;
  /** Forgets the last body, so the next send is a new attempt even with the same body (after a success). */
  renew: () => void;
};

export function idempotencyKeys(newKey: () => string = randomId): IdempotencyKeys {
  // The body as the API client sends it (JSON.stringify), which is what the server compares.
  let last: { body: string; key: string } | null = null;
  return {
    keyFor(body) {
      const serialized = JSON.stringify(body);
      if (last?.body !== serialized) last = { body: serialized, key: newKey() };
      return last.key;
    },
    renew() {
      last = null;
    },
  };
}

/** One `IdempotencyKeys` for the lifetime of the form that calls it. */
export function useIdempotencyKey(): IdempotencyKeys {
  const [keys] = useState(() => idempotencyKeys());
  return keys;
}
