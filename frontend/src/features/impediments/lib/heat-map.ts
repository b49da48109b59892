// Shapes the `by=chapter_partner` summary into a grid for the heat map: rows are NTM chapters (MAST
// letters in order, then procedural groups), columns are partner markets (busiest first), and each cell
// has its count and a shading level from 0 (none) to 5 (the busiest cell).
export type SummaryCell = { key: string[]; count: number };

export type HeatMapGrid = {
  chapters: string[];
  partners: string[];
  /** counts[chapterIndex][partnerIndex] */
  counts: number[][];
  max: number;
  total: number;
};

export const HEAT_LEVELS = 5;

function chapterOrder(a: string, b: string): number {
  const aProcedural = a.startsWith('PO-');
  const bProcedural = b.startsWith('PO-');
  if (aProcedural !== bProcedural) return aProcedural ? 1 : -1;
  return a.localeCompare(b);
}

export function buildHeatMap(cells: readonly SummaryCell[]): HeatMapGrid {
  const byKey = new Map<string, number>();
  const partnerTotals = new Map<string, number>();
  const chapterSet = new Set<string>();
  for (const cell of cells) {
    const [chapter, partner] = cell.key;
    if (chapter === undefined || partner === undefined || cell.count <= 0) continue;
    chapterSet.add(chapter);
    partnerTotals.set(partner, (partnerTotals.get(partner) ?? 0) + cell.count);
    const key = `${chapter}\u0000${partner}`;
    byKey.set(key, (byKey.get(key) ?? 0) + cell.count);
  }
  const chapters = [...chapterSet].sort(chapterOrder);
  const partners = [...partnerTotals.entries()]
    .sort(([pa, ca], [pb, cb]) => cb - ca || pa.localeCompare(pb))
    .map(([partner]) => partner);
  let max = 0;
  let total = 0;
  const counts = chapters.map((chapter) =>
    partners.map((partner) => {
      const count = byKey.get(`${chapter}\u0000${partner}`) ?? 0;
      max = Math.max(max, count);
      total += count;
      return count;
    }),
  );
  return { chapters, partners, counts, max, total };
}

/** The shading level of a count: 0 for none, else 1…HEAT_LEVELS in proportion to the largest count. */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(HEAT_LEVELS, Math.ceil((count / max) * HEAT_LEVELS)));
}
