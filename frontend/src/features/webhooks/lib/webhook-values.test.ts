import type { WebhookEvent } from '../api/create-webhook';

import { isWebhookUrl, WEBHOOK_EVENTS } from './webhook-values';

describe('webhook values', () => {
  it('takes http and https URLs with a host and nothing else', () => {
    expect(isWebhookUrl('https://hooks.example.org/gmc')).toBe(true);
    expect(isWebhookUrl(' http://127.0.0.1:4000/in ')).toBe(true);
    expect(isWebhookUrl('ftp://example.org/x')).toBe(false);
    expect(isWebhookUrl('example.org/hook')).toBe(false);
    expect(isWebhookUrl('')).toBe(false);
  });

  it('offers every event type once, import.finished among them', () => {
    const events: readonly WebhookEvent[] = WEBHOOK_EVENTS;
    expect(new Set(events).size).toBe(events.length);
    expect(events).toContain('import.finished');
  });
});
