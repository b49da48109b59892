// What the API takes as a file (shared by the library's version upload and a briefing's deliverable
// upload), checked in the browser only as a hint: the server's limit (`GMC_UPLOAD_MAX_BYTES`) and its
// reading of the type from the content have the last word.
export const UPLOAD_MAX_BYTES = 20 * 1024 * 1024;
export const ACCEPTED_FILES = '.pdf,.docx,.xlsx,.md,.markdown,application/pdf,text/markdown';

/** Whole bytes as "2.4 MB", "830 KB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null) return '';
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** A version upload's multipart form: the file and/or a Markdown body (the browser sets the boundary). */
export function versionForm({ file, bodyMarkdown }: { file?: File | null; bodyMarkdown?: string }): FormData {
  const form = new FormData();
  if (file) form.append('file', file, file.name);
  if (bodyMarkdown?.trim()) form.append('body_markdown', bodyMarkdown);
  return form;
}
