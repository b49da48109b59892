// What an import is sent as: the kinds the API imports, the file formats it reads (told by the file's
// extension, so a browser that guesses no type for `.ndjson` still sends the right one) and the options.
import type { components } from '@/api/schema';

export type Import = components['schemas']['Import'];
export type ImportProblem = components['schemas']['ImportProblem'];
export type ImportKind = components['schemas']['ImportKind'];
export type ImportFormat = components['schemas']['ImportFormat'];
export type ImportMode = components['schemas']['ImportMode'];
export type OnError = components['schemas']['OnError'];

/** Every kind `ImportKind` lists, in the order the page offers them. */
// issue 11: wto notifications — WTO ePing exports (admins and analysts).
export const IMPORT_KINDS = [
  'stakeholders',
  'impediments',
  'prep_items',
  'topics',
  'wto_notifications',
] as const satisfies readonly ImportKind[];
// issue 11: response imports — `consultation_responses` is not offered yet: it needs a consultation
// picker (the file's columns are that consultation's questions). A past one still shows by its label.
/** The kinds the page's form offers. */
export type PageKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_MODES = ['insert', 'upsert'] as const satisfies readonly ImportMode[];
export const ON_ERROR = ['abort', 'skip'] as const satisfies readonly OnError[];

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
