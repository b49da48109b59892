// GET /api/v1/stakeholders/{id}/contact: the contact details (personal data). The server audits every
// read, so this is a mutation-like request made only when the user asks, never cached or refetched.
import { useMutation } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

export function getStakeholderContact(id: string) {
  return unwrap(api.GET('/api/v1/stakeholders/{id}/contact', { params: { path: { id } } }));
}

export function useRevealStakeholderContact(id: string) {
  return useMutation({ mutationFn: () => getStakeholderContact(id) });
}
