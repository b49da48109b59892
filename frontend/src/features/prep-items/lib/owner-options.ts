// Who may own a new prep item, as the form's choices: the user's delegation, and each coalition it is a
// member of (admins: every delegation and every coalition). The server decides again; this only keeps
// the form from offering a refusal. A choice's value is `delegation:<id>` or `coalition:<id>`.
export type CoalitionLike = { id: string; name: string; code: string; members: { delegation_id: string }[] };
export type DelegationLike = { id: string; name: string; country_code?: string };
export type OwnerUser = { role: string; delegation?: DelegationLike | null };
export type OwnerChoice = { value: string; kind: 'delegation' | 'coalition'; id: string; name: string };

export function ownerChoices(
  user: OwnerUser,
  coalitions: readonly CoalitionLike[],
  delegations: readonly DelegationLike[] = [],
): OwnerChoice[] {
  const admin = user.role === 'admin';
  const own = user.delegation ?? null;
  const delegationChoices = (admin ? delegations : own ? [own] : []).map((d) => ({
    value: `delegation:${d.id}`,
    kind: 'delegation' as const,
    id: d.id,
    name: d.name,
  }));
  const coalitionChoices = coalitions
    .filter((c) => admin || (own !== null && c.members.some((m) => m.delegation_id === own.id)))
    .map((c) => ({ value: `coalition:${c.id}`, kind: 'coalition' as const, id: c.id, name: `${c.name} (${c.code})` }));
  return [...delegationChoices, ...coalitionChoices];
}

/** The request's owner fields for a choice's value: `{ delegation_id }` or `{ coalition_id }`, else none. */
export function ownerFields(value: string): { delegation_id?: string; coalition_id?: string } {
  const [kind, id] = value.split(':');
  if (!id) return {};
  if (kind === 'delegation') return { delegation_id: id };
  if (kind === 'coalition') return { coalition_id: id };
  return {};
}
