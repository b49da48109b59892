// A delegate's day (issue 10): the home page answers "what needs me today" in one look — unread
// notifications, deadlines this week, consultations closing, what is new on what they follow — the
// bell in the header counts the unread, and marking one read lowers the count. The home page's
// screenshot goes to docs/screenshots/home.png.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect, test, type Page } from '@playwright/test';

import { expectAccessible, signIn, snap } from './support';

const docs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

async function bellCount(page: Page): Promise<number> {
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAccessibleName(/unread notification/);
  const name = (await bell.getAttribute('aria-label')) ?? '';
  return Number(/^(\d+)/.exec(name)?.[1] ?? Number.NaN);
}

test('a delegate sees what needs them today and marks a notification read', async ({ page }) => {
  await signIn(page, 'delegate.bgd@gmc.test');
  const today = page.getByRole('region', { name: 'What needs me today' });
  await expect(today).toBeVisible();
  for (const section of ['Unread notifications', 'Deadlines this week', 'Consultations closing', 'New on what you follow']) {
    await expect(today.getByRole('region', { name: section })).toBeVisible();
  }
  // Bangladesh's capital: the home page shows times in Dhaka and says so.
  await expect(page.getByTestId('home-time-zone')).toContainText('Asia/Dhaka');

  const before = await bellCount(page);
  expect(before).toBeGreaterThan(0);
  await expect(page.getByTestId('home-notifications-count')).toHaveText(String(before));
  await expectAccessible(page);
  await page.screenshot({ path: path.join(docs, 'home.png'), fullPage: true });
  await snap(page, 'home', '01-today');

  await page.getByTestId('notification-bell').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const list = page.getByRole('table', { name: 'Your notifications, unread first' });
  await expect(list).toBeVisible();
  await list.getByRole('button', { name: 'Mark read' }).first().click();
  await expect(page.getByTestId('notification-bell')).toHaveAccessibleName(
    `${before - 1} unread notification${before - 1 === 1 ? '' : 's'}`,
  );
  await expectAccessible(page);
  await snap(page, 'home', '02-marked-read');

  await page.getByRole('link', { name: 'Home' }).first().click();
  await expect(page.getByTestId('home-notifications-count')).toHaveText(String(before - 1));
});

test('a delegate chooses what to follow and is told which code is wrong', async ({ page }) => {
  await signIn(page, 'delegate.npl@gmc.test');
  await page.goto('/notifications/following');
  await expect(page.getByRole('heading', { level: 1, name: 'Following' })).toBeVisible();
  const partners = page.getByLabel(/^Partner markets/);
  await partners.fill('IND, XXX');
  await page.getByRole('button', { name: 'Save what I follow' }).click();
  await expect(page.getByText(/XXX:/)).toBeVisible();
  await partners.fill('IND, USA');
  await page.getByRole('button', { name: 'Save what I follow' }).click();
  await expect(page.getByText('Saved').first()).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'home', '03-following');
});
