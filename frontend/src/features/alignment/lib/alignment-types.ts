// The report's wire shape, written from the agreed API contract while the backend is being built;
// replaced by the generated type once its OpenAPI document is merged.
export type AlignmentRow = {
  topic: { id: string; code: string; title: string };
  concern: number;
  concern_parts: { impediments: number; answers: number };
  coverage: { prep_items: number; briefings: number; meetings: number };
  evidence_links: number;
  status: string;
};

export type AlignmentReport = {
  owner: { kind: string; id: string; name: string; code?: string | null };
  k: number;
  generated_at: string;
  weights?: unknown;
  rows: AlignmentRow[];
};
