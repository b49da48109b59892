// The trace pages' wire shapes, written from the evidence branch while it is being built; replaced by
// the generated types once its OpenAPI document is merged.
import type { EvidenceStrength } from './strength';

export type TracePrepItem = {
  id: string;
  title: string;
  kind: string;
  status: string;
  ministerial_code: string;
  ministerial_name: string;
  owner: { kind: string; id: string; name: string; code: string };
  tabled_at?: string | null;
  outcome?: { text?: string | null; date?: string | null; body?: string | null } | null;
};

export type TraceImpediment = {
  id: string;
  title: string;
  status: string;
  severity: number;
  reporting_country: string;
  partner: string;
  reported_at: string;
  validated_at?: string | null;
  raised_body?: string | null;
  raised_on?: string | null;
  topics: { id: string; code: string; title: string }[];
};

export type ImpedimentTrace = {
  impediment: TraceImpediment;
  steps: { from?: string | null; to: string; at: string }[];
  prep_items: TracePrepItem[];
};

export type PrepItemTrace = {
  prep_item: TracePrepItem;
  impediments: TraceImpediment[];
  questions: { consultation_id: string; consultation_title: string; question_code: string; prompt: string }[];
  strength: EvidenceStrength;
};
