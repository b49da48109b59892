// The document kinds, as the API spells them, and the upload limits the form checks before sending.
export const documentKinds = ['regional_update', 'briefing_note', 'research_study', 'minutes', 'submission'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export { ACCEPTED_FILES, UPLOAD_MAX_BYTES } from '@/lib/uploads';
