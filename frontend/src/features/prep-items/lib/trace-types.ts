// The trace pages' wire shapes, read out of the generated OpenAPI types.
import type { ApiResponse } from '@/api/types';

export type ImpedimentTrace = ApiResponse<'/api/v1/impediments/{id}/trace'>;
export type PrepItemTrace = ApiResponse<'/api/v1/prep-items/{id}/trace'>;
export type TracePrepItem = ImpedimentTrace['prep_items'][number];
export type TraceImpediment = PrepItemTrace['impediments'][number];
