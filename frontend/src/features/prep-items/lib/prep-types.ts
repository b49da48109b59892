// The tracker's wire shapes, read out of the generated OpenAPI types (no hand-written copies).
import type { ApiResponse } from '@/api/types';

export type PrepItem = ApiResponse<'/api/v1/prep-items/{id}'>;
export type Board = ApiResponse<'/api/v1/prep-items/board'>;
/** A card of the board: what the item is, whose, how urgent (the full record is one click away). */
export type PrepCard = Board['columns'][number]['items'][number];
