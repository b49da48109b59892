// The values of the API's enumerations that the UI offers as choices or translates. The OpenAPI
// document types these fields as plain strings, so a value the UI does not know yet (added by a newer
// server) must still display: `oneOf` narrows, and callers fall back to the raw value.
export const roles = ['admin', 'analyst', 'delegate', 'focal_point', 'stakeholder'] as const;
export const topicKinds = [
  'negotiation',
  'regular_body',
  'joint_statement_initiative',
  'plurilateral',
  'other',
] as const;
export const topicStatuses = ['active', 'concluded', 'dormant'] as const;
export const priorities = ['high', 'medium', 'low'] as const;
export const visibilities = ['delegation', 'regional', 'public'] as const;

export type Role = (typeof roles)[number];
export type TopicKind = (typeof topicKinds)[number];
export type TopicStatus = (typeof topicStatuses)[number];
export type Priority = (typeof priorities)[number];
export type Visibility = (typeof visibilities)[number];

export function oneOf<T extends string>(values: readonly T[], value: string | null | undefined): T | undefined {
  return values.find((candidate) => candidate === value);
}

/** Roles whose members belong to exactly one delegation and write its records. */
export function isDelegationMember(role: string): boolean {
  return role === 'delegate' || role === 'focal_point';
}
