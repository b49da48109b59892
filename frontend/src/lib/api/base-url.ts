// The API origin: the configured one, or the origin that served the SPA (the Rust server serves both).
import { env } from '@/config/env';

export const baseUrl = env.apiUrl || globalThis.location?.origin || '';
