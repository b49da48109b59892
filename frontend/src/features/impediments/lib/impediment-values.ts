// The impediment registry's enumerations and the workflow (who may take which step from which status),
// mirroring the server's rules so the page offers only the steps the user may take. The server still
// decides: a refused step comes back as a problem and is shown.
import type { ApiItem } from '@/api/types';
import { oneOf } from '@/lib/domain-values';

export type Impediment = ApiItem<'/api/v1/impediments'>;

export const impedimentStatuses = ['reported', 'under_review', 'validated', 'raised', 'resolved', 'dismissed'] as const;
export type ImpedimentStatus = (typeof impedimentStatuses)[number];

export const frequencies = ['one_off', 'occasional', 'recurring', 'constant'] as const;
export type Frequency = (typeof frequencies)[number];

export const impedimentSources = ['stakeholder', 'response', 'staff'] as const;

export const severities = [1, 2, 3, 4, 5] as const;

export type WorkflowActor = {
  role: string;
  delegationId?: string | null;
};

const transitions: Record<ImpedimentStatus, readonly ImpedimentStatus[]> = {
  reported: ['under_review', 'dismissed'],
  under_review: ['validated', 'dismissed'],
  validated: ['raised', 'dismissed'],
  raised: ['resolved'],
  resolved: [],
  dismissed: [],
};

function mayTake(to: ImpedimentStatus, from: ImpedimentStatus, actor: WorkflowActor, ownerId: string): boolean {
  const member =
    (actor.role === 'delegate' || actor.role === 'focal_point') &&
    actor.delegationId != null &&
    actor.delegationId === ownerId;
  const staff = actor.role === 'analyst' || actor.role === 'admin';
  const admin = actor.role === 'admin';
  if (to === 'dismissed') return staff || member;
  switch (`${from}>${to}`) {
    case 'reported>under_review':
      return staff || member;
    case 'under_review>validated':
      return staff;
    case 'validated>raised':
    case 'raised>resolved':
      return member || admin;
    default:
      return false;
  }
}

/** The statuses `actor` may move an impediment owned by `ownerId` to from `status`, in workflow order. */
export function allowedNextSteps(status: string, actor: WorkflowActor, ownerId: string): ImpedimentStatus[] {
  const from = oneOf(impedimentStatuses, status);
  if (!from) return [];
  return transitions[from].filter((to) => mayTake(to, from, actor, ownerId));
}

/** Whether a role may report an impediment (delegation members for their delegation, admins for any). */
export function canReport(role: string): boolean {
  return role === 'delegate' || role === 'focal_point' || role === 'admin';
}
