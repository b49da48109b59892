// A delegate adds a topic to the delegation's watch-list with a note; it shows on the topic and at home,
// and a reload of the tab keeps the session (the refresh token is in sessionStorage).
import { expect, test } from '@playwright/test';

import { expectAccessible, signIn, snap } from './support';

test('a delegate adds a watch-list note that shows on the topic and at home', async ({ page }) => {
  const note = `SPS certificates take six weeks for shrimp exporters (${Date.now()})`;
  await signIn(page, 'delegate.bgd@gmc.test');
  await page.goto('/topics/SPS');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.getByLabel('Note').fill(note);
  await page.getByLabel('Priority').selectOption('high');
  await page.getByLabel('Visibility').selectOption('delegation');
  await page.getByRole('button', { name: 'Add to watch-list' }).click();
  await expect(page.getByText("Added to your delegation's watch-list.")).toBeVisible();
  const entries = page.getByRole('table', { name: 'Watch-list entries' });
  await expect(entries).toContainText(note);
  await expectAccessible(page);
  await snap(page, 'watch-list', '01-note-added');

  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('table', { name: /Bangladesh watch-list/ })).toContainText(note);
  await snap(page, 'watch-list', '02-home');
});
