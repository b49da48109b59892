// What an import is sent as: the kinds the API imports and who may import each, the file formats it reads
// (told by the file's extension, so a browser that guesses no type for `.ndjson` still sends the right
// one) and the options.
import type { components } from '@/api/schema';
import type { Role } from '@/lib/domain-values';

export type Import = components['schemas']['Import'];
export type ImportProblem = components['schemas']['ImportProblem'];
export type ImportKind = components['schemas']['ImportKind'];
export type ImportFormat = components['schemas']['ImportFormat'];
export type ImportMode = components['schemas']['ImportMode'];
export type OnError = components['schemas']['OnError'];

/** Every kind `ImportKind` lists, in the order the page offers them. */
// issue 11: wto notifications — WTO ePing exports (admins and analysts).
// issue 11: response imports — paper answers to one consultation, chosen with the file (its columns are
// that consultation's questions).
export const IMPORT_KINDS = [
  'stakeholders',
  'impediments',
  'prep_items',
  'topics',
  'wto_notifications',
  'consultation_responses',
] as const satisfies readonly ImportKind[];
export const IMPORT_MODES = ['insert', 'upsert'] as const satisfies readonly ImportMode[];
export const ON_ERROR = ['abort', 'skip'] as const satisfies readonly OnError[];

const delegationMembers: readonly Role[] = ['admin', 'delegate', 'focal_point'];

/** Who may import each kind, as the server decides (`imports::runner::authorize_import`): a delegation's
 * records and paper answers by its members and admins, the topics catalogue by admins, the WTO's public
 * notifications by admins and analysts. */
const importersOf: Record<ImportKind, readonly Role[]> = {
  stakeholders: delegationMembers,
  impediments: delegationMembers,
  prep_items: delegationMembers,
  topics: ['admin'],
  wto_notifications: ['admin', 'analyst'],
  consultation_responses: delegationMembers,
};

/** The kinds `role` may import, in the page's order; none for a stakeholder (or a role this build does
 * not know). The server still decides every import. */
export function importKindsFor(role: string): ImportKind[] {
  return IMPORT_KINDS.filter((kind) => importersOf[kind].some((r) => r === role));
}

/** A consultation that takes paper answers, as the import form's picker offers it. */
export type ConsultationChoice = {
  id: string;
  /** What the picker shows: the title (for an admin, with the owning delegation). */
  label: string;
  /** The owning delegation, which an admin's import names as the one the answers are for. */
  delegationId: string;
};

/** The consultations the picker offers, as the page has loaded them. */
export type ConsultationChoices =
  | { status: 'pending' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'success'; items: readonly ConsultationChoice[] };

/** Only kinds with an external id (a topic's is its code, a WTO notification's its symbol) can be matched row to record; the server
 * refuses upsert for the others. */
export function mayUpsert(kind: ImportKind): boolean {
  return kind === 'stakeholders' || kind === 'topics' || kind === 'wto_notifications';
}

/** An import still running as a background job (a large file): its page polls it until it ends. */
export function isRunning(status: Import['status']): boolean {
  return status === 'queued' || status === 'running';
}

const byExtension: Record<string, ImportFormat> = {
  csv: 'csv',
  txt: 'csv',
  tsv: 'csv',
  json: 'json',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  xlsx: 'xlsx',
};

export const ACCEPTED_IMPORT_FILES = '.csv,.tsv,.txt,.json,.ndjson,.jsonl,.xlsx';

/** The format of a file named `name`, or null when its extension names none. */
export function formatOf(name: string): ImportFormat | null {
  const ext = /\.([^.]+)$/.exec(name.toLowerCase())?.[1];
  return (ext && byExtension[ext]) || null;
}

export const CONTENT_TYPES: Record<ImportFormat, string> = {
  csv: 'text/csv',
  json: 'application/json',
  ndjson: 'application/x-ndjson',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Problems of one row together, rows in file order (the server reports them so; kept if not). */
export function sortProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  return [...problems].sort((a, b) => a.row - b.row);
}
