// The stakeholder directory's enumerations and who may do what, mirroring the server's policy so the
// page offers only what the user may do. The server still decides: a refusal comes back as a problem.
import type { ApiItem } from '@/api/types';
import { isDelegationMember } from '@/lib/domain-values';

export type Stakeholder = ApiItem<'/api/v1/stakeholders'>;

export const stakeholderKinds = ['msme', 'association', 'chamber', 'cooperative'] as const;
export type StakeholderKind = (typeof stakeholderKinds)[number];

export const sizeClasses = ['micro', 'small', 'medium'] as const;
export type SizeClass = (typeof sizeClasses)[number];

/** Employee counts of each size class (the server checks the same ranges). */
export const sizeRanges: Record<SizeClass, readonly [number, number]> = {
  micro: [0, 9],
  small: [10, 49],
  medium: [50, 249],
};

export type StakeholderActor = { role: string; delegationId?: string | null };

/** Admins anywhere; delegates and focal points in their own delegation. */
export function canWriteStakeholder(actor: StakeholderActor, owner: string): boolean {
  return actor.role === 'admin' || (isDelegationMember(actor.role) && actor.delegationId === owner);
}

/** Contact details: the same people as writing (analysts never); the server also refuses API keys. */
export const canReadContact = canWriteStakeholder;

export function canCreateStakeholder(role: string): boolean {
  return role === 'admin' || isDelegationMember(role);
}
