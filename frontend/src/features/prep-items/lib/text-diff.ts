// The word-level diff of two text versions as the server sends it (`ops`, each `equal`, `insert` or
// `delete` with its text), shaped for display: adjacent runs of the same kind merged, empty runs and
// unknown kinds dropped, with the number of words each side changed for the summary line.
export type DiffOpKind = 'equal' | 'insert' | 'delete';
export type DiffOp = { op: string; text: string };
export type DiffPart = { kind: DiffOpKind; text: string };

const kinds: readonly DiffOpKind[] = ['equal', 'insert', 'delete'];

export function diffParts(ops: readonly DiffOp[]): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const { op, text } of ops) {
    const kind = kinds.find((k) => k === op);
    if (!kind || text === '') continue;
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  }
  return parts;
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Words inserted and deleted: "12 words added, 3 removed". */
export function diffSummary(parts: readonly DiffPart[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const part of parts) {
    if (part.kind === 'insert') inserted += words(part.text);
    if (part.kind === 'delete') deleted += words(part.text);
  }
  return { inserted, deleted };
}
