// The event types a subscription may ask for, in the order the form offers them (every value of the
// API's `WebhookEvent`), and the checks of the form.
import type { WebhookEvent } from '../api/create-webhook';

export const WEBHOOK_EVENTS = [
  'impediment.created',
  'impediment.status_changed',
  'prep_item.status_changed',
  'meeting.changed',
  'consultation.opened',
  'consultation.closed',
  'briefing.delivered',
  'response.received',
  'import.finished',
] as const satisfies readonly WebhookEvent[];

/** An http(s) URL with a host; whether its host is allowed is the server's to say. */
export function isWebhookUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

// Fails to compile when the API gains an event type the form does not offer.
type Unoffered = Exclude<WebhookEvent, (typeof WEBHOOK_EVENTS)[number]>;
export const everyEventOffered: [Unoffered] extends [never] ? true : never = true;
