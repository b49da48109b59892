// Build-time configuration, validated once at start so a bad value fails loudly, not halfway through.
import * as z from 'zod/mini';

// zod/mini rather than zod: this runs before the first paint, and the mini build tree-shakes.
const EnvSchema = z.object({
  /** Where the API lives; empty means the same origin that served the SPA (the normal deployment). */
  VITE_API_URL: z._default(z.string(), ''),
  /** Show the demo accounts on the sign-in page (always shown by the Vite dev server). */
  VITE_SHOW_DEMO_ACCOUNTS: z._default(z.enum(['true', 'false', '']), ''),
});

const parsed = EnvSchema.safeParse(import.meta.env);
if (!parsed.success) {
  throw new Error(`Invalid build configuration:\n${z.prettifyError(parsed.error)}`);
}

export const env = {
  apiUrl: parsed.data.VITE_API_URL,
  showDemoAccounts: import.meta.env.DEV || parsed.data.VITE_SHOW_DEMO_ACCOUNTS === 'true',
} as const;
