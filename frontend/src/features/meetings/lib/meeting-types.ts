// The meeting shapes the feature reads, taken from the generated API types (never hand-written).
import type { ApiResponse } from '@/api/types';

export type Meeting = ApiResponse<'/api/v1/meetings/{id}'>;
export type MeetingLocalTimes = Meeting['times'][number];
