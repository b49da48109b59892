// The wire shapes the tracker reads. Written from the agreed API contract while the backend is being
// built; replaced by the generated types (`ApiResponse<…>`) once its OpenAPI document is merged.
export type Named = { code: string; name: string };

export type PrepItem = {
  id: string;
  ministerial: Named;
  owner: { kind: string; id: string; name: string; code?: string | null };
  visibility: string;
  title: string;
  summary: string;
  kind: string;
  interest: string;
  priority: string;
  status: string;
  deadline?: string | null;
  overdue: boolean;
  responsible_user_id?: string | null;
  responsible_name?: string | null;
  outcome?: { text: string; date: string; body: string } | null;
  topics: { id: string; code: string; title: string }[];
  text_number?: number | null;
  steps_open: string[];
  can_edit: boolean;
  version: number;
  created_at: string;
  updated_at: string;
};

export type Board = {
  ministerial: Named;
  columns: { status: string; total: number; items: PrepItem[] }[];
};

export type TextVersionSummary = { number: number; author_name?: string | null; created_at: string; length: number };
export type TextVersion = TextVersionSummary & { body: string };
export type TextDiff = { from: number; to: number; ops: { op: string; text: string }[] };
