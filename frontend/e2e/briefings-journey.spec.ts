// Technical assistance on demand: Bangladesh's delegate requests a briefing note; the analyst takes it
// from the queue with a committed due date, works on it, attaches the secretariat's regional update as
// the deliverable and delivers it; the delegate sees it delivered, with the deliverable. Nepal's
// delegate finds the request "not found". Document upload is the documents slice's and not on this
// branch: the deliverable is the demo's public regional update (`demo::briefings::DEMO_DELIVERABLE`),
// attached by its id. Screenshot of the request page to docs/screenshots/briefing-request.png.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect, test, type Page } from '@playwright/test';

import { expectAccessible, signIn, snap } from './support';

const journey = 'briefings';
const docs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');
const deliverable = '01900000-0000-7000-c300-000000000001';

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

test('a delegate requests a briefing note, the analyst delivers it, the delegate sees it delivered', async ({ page }) => {
  test.setTimeout(180_000);
  const title = `Transit costs for landlocked exporters (${Date.now()})`;
  const due = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);

  await signIn(page, 'delegate.bgd@gmc.test');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Briefings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Briefing requests' })).toBeVisible();
  await page.getByRole('button', { name: 'Request a briefing' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Question').fill('What do transit costs add to a small exporter’s shipment, and what could MC14 change?');
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('No step is yours to take now.')).toBeVisible();
  const url = page.url();
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, 'analyst@gmc.test');
  await page.goto('/briefings?queue=true');
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('button', { name: 'Accept' }).click();
  await page.getByLabel(/^Due/).fill(due);
  await page.getByRole('button', { name: 'Move to “Accepted”' }).click();
  await expect(page.getByText('Moved to “Accepted”.')).toBeVisible();
  for (const [button, status] of [
    ['Start work', 'In progress'],
    ['Send to review', 'In review'],
  ] as const) {
    await page.getByRole('button', { name: button }).click();
    await page.getByRole('button', { name: `Move to “${status}”` }).click();
    await expect(page.getByText(`Moved to “${status}”.`)).toBeVisible();
  }
  await page.getByLabel('Document id').fill(deliverable);
  await page.getByRole('button', { name: 'Attach' }).click();
  await expect(page.getByTestId('briefing-deliverables').getByRole('link')).toHaveCount(1);
  await page.getByRole('button', { name: 'Deliver' }).click();
  await page.getByRole('button', { name: 'Move to “Delivered”' }).click();
  await expect(page.getByText('Moved to “Delivered”.')).toBeVisible();
  await snap(page, journey, 'analyst-delivered');
  await signOut(page);

  await signIn(page, 'delegate.bgd@gmc.test');
  await page.goto(url);
  await expect(page.locator('[data-status="delivered"]').first()).toBeVisible();
  await expect(page.getByTestId('briefing-deliverables').getByRole('link')).toHaveCount(1);
  await expect(page.getByTestId('briefing-history').locator('li')).toHaveCount(5);
  await page.screenshot({ path: path.join(docs, 'briefing-request.png'), fullPage: true });
  await signOut(page);

  await signIn(page, 'delegate.npl@gmc.test');
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Briefing request not found' })).toBeVisible();
});
