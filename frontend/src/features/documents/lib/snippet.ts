// A search hit's snippet arrives as plain-text parts with the matched words flagged; the page renders
// each part as text (React escapes it), never as HTML, so a document's own markup stays inert.
import type { SnippetPart } from './document-types';

export { formatBytes } from '@/lib/uploads';

/** The snippet as one plain string (for the export and for screen readers' summary). */
export function snippetText(parts: readonly SnippetPart[]): string {
  return parts.map((p) => p.text).join('');
}

