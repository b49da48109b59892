// The report's wire shape, read out of the generated OpenAPI types.
import type { ApiResponse } from '@/api/types';

export type AlignmentReport = ApiResponse<'/api/v1/alignment'>;
export type AlignmentRow = AlignmentReport['rows'][number];
