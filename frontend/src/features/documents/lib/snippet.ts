// A search hit's snippet arrives as plain-text parts with the matched words flagged; the page renders
// each part as text (React escapes it), never as HTML, so a document's own markup stays inert.
import type { SnippetPart } from './document-types';

/** The snippet as one plain string (for the export and for screen readers' summary). */
export function snippetText(parts: readonly SnippetPart[]): string {
  return parts.map((p) => p.text).join('');
}

/** Whole bytes as "2.4 MB", "830 KB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null) return '';
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
