// The library's wire shapes, read out of the generated OpenAPI types (no hand-written copies).
import type { ApiResponse } from '@/api/types';

export type DocumentDetail = ApiResponse<'/api/v1/documents/{id}'>;
export type DocumentSearchPage = ApiResponse<'/api/v1/documents/search'>;
export type DocumentSearchHit = DocumentSearchPage['items'][number];
export type DocumentSummary = ApiResponse<'/api/v1/documents'>['items'][number];
export type SnippetPart = DocumentSearchHit['snippet'][number];
