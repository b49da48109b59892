// The consultation's enumerations and lifecycle, mirroring the server's rules so the page offers only
// what the user may do. The server still decides: a refusal comes back as a problem and is shown.
import type { ApiItem } from '@/api/types';
import { isDelegationMember, oneOf } from '@/lib/domain-values';

export type Consultation = ApiItem<'/api/v1/consultations'>;
export type Question = Consultation['questions'][number];
export type QuestionKind = Question['kind'];
export type QuestionOption = NonNullable<Question['options']>[number];
/** Text per language code, as prompts, option labels and end labels hold it. */
export type Translations = Question['prompt'];

export const consultationStatuses = ['draft', 'open', 'closed', 'archived'] as const;
export type ConsultationStatus = (typeof consultationStatuses)[number];

export const questionKinds = ['single_choice', 'multi_choice', 'scale', 'number', 'text'] as const;

/** The languages a consultation may offer (BCP-47 primary codes); English is always first. */
export const consultationLanguages = [
  'en',
  'bn',
  'ne',
  'si',
  'ta',
  'ur',
  'hi',
  'dv',
  'km',
  'lo',
  'my',
  'th',
  'vi',
  'id',
  'ms',
  'fil',
  'tet',
  'zh',
] as const;
export type ConsultationLanguage = (typeof consultationLanguages)[number];

export const rightToLeftLanguages: readonly string[] = ['ur', 'dv'];

/** The target statuses of the lifecycle buttons from each status (closed → open reopens). */
const transitions: Record<ConsultationStatus, readonly ConsultationStatus[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['open', 'archived'],
  archived: [],
};

export function nextStatuses(status: string): ConsultationStatus[] {
  const from = oneOf(consultationStatuses, status);
  return from ? [...transitions[from]] : [];
}

export type Actor = { role: string; delegationId?: string | null };

/** Whether `actor` may create consultations (members for their delegation, admins for any owner). */
export function canCreate(role: string): boolean {
  return role === 'admin' || isDelegationMember(role);
}

/** Whether `actor` may change a consultation owned by `ownerId` (null: regional, the secretariat's). */
export function canWrite(actor: Actor, ownerId: string | null | undefined): boolean {
  if (actor.role === 'admin') return true;
  return isDelegationMember(actor.role) && ownerId != null && actor.delegationId === ownerId;
}

/**
 * Whether `actor` reads a consultation's responses row by row (the responses CSV): its owners only,
 * the same people as `canWrite` (the server's `policy::reads_response_rows`). Everyone else gets the
 * aggregates, which follow the small-cell rule.
 */
export const canReadResponseRows = canWrite;

/** `If-Match` for a record version: the server's strong ETag is the quoted version. */
export function ifMatch(version: number): string {
  return `"${version}"`;
}

/** The public page of a consultation, on the origin serving the dashboard. */
export function shareUrl(origin: string, token: string): string {
  return `${origin}/respond/${encodeURIComponent(token)}`;
}
