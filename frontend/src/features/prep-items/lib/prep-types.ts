// The tracker's wire shapes, read out of the generated OpenAPI types (no hand-written copies).
import type { ApiResponse } from '@/api/types';

export type PrepItem = ApiResponse<'/api/v1/prep-items/{id}'>;
export type Board = ApiResponse<'/api/v1/prep-items/board'>;
