// The document kinds, as the API spells them, and the upload limits the form checks before sending.
export const documentKinds = ['regional_update', 'briefing_note', 'research_study', 'minutes', 'submission'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** The server's default limit (`GMC_UPLOAD_MAX_BYTES`); the server has the last word. */
export const UPLOAD_MAX_BYTES = 20 * 1024 * 1024;
export const ACCEPTED_FILES = '.pdf,.docx,.xlsx,.md,.markdown,application/pdf,text/markdown';
