// The board's layout: one column per status in workflow order, every status present even when the
// server leaves one out (an empty column still tells the user nothing is in it), each with its total and
// whether more items exist than the column shows (the server sends the first 20 by deadline).
import { inWorkflowOrder, prepStatuses } from './prep-values';

export type BoardColumnIn<I> = { status: string; total: number; items: I[] };
export type BoardColumn<I> = BoardColumnIn<I> & { hidden: number };

export function boardColumns<I>(columns: readonly BoardColumnIn<I>[]): BoardColumn<I>[] {
  const byStatus = new Map(columns.map((column) => [column.status, column]));
  const known = prepStatuses.map((status) => byStatus.get(status) ?? { status, total: 0, items: [] });
  const extra = columns.filter((column) => !prepStatuses.some((status) => status === column.status));
  return inWorkflowOrder([...known, ...extra]).map((column) => ({
    ...column,
    // A total below the items shown would be a server mistake; never show a negative count.
    hidden: Math.max(0, column.total - column.items.length),
  }));
}

/** The number of items on the board, all columns. */
export function boardTotal(columns: readonly { total: number }[]): number {
  return columns.reduce((sum, column) => sum + column.total, 0);
}
