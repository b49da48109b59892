// Journey 1: a Bangladesh delegate signs in, filters the topics (two filters changed at once, both kept),
// opens fisheries subsidies, signs out.
import { expect, test } from '@playwright/test';

import { expectAccessible, signIn, snap } from './support';

const journey = 'delegate';

test('a delegate signs in, filters topics, opens fisheries subsidies and signs out', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(page);
  await snap(page, journey, '01-sign-in');

  await signIn(page, 'delegate.bgd@gmc.test');
  await expect(page.getByRole('banner')).toContainText('Bangladesh');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
  await expect(page.getByTestId('watch-items').or(page.getByText(/watch-list is empty/))).toBeVisible();
  await expectAccessible(page);
  await snap(page, journey, '02-home');

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Topics' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Topics' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Topics' });
  await expect(table).toBeVisible();
  const allRows = await table.locator('tbody tr').count();
  const kinds = await table.locator('tbody tr td:nth-child(3)').allInnerTexts();
  expect(new Set(kinds).size, 'the unfiltered list mixes kinds').toBeGreaterThan(1);
  await expectAccessible(page);
  await snap(page, journey, '03-topics');

  // Two filter changes in one go, before the page can re-render in between: both stay in the URL.
  await page.evaluate(() => {
    for (const [name, value] of [
      ['Kind', 'negotiation'],
      ['Status', 'active'],
    ] as const) {
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === name);
      const select = document.getElementById(label?.htmlFor ?? '');
      if (!(select instanceof HTMLSelectElement)) throw new Error(`no select labelled ${name}`);
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
  await expect(page).toHaveURL(/[?&]kind=negotiation\b/);
  await expect(page).toHaveURL(/[?&]status=active\b/);
  await expect(page.getByLabel('Kind')).toHaveValue('negotiation');
  await expect(page.getByLabel('Status')).toHaveValue('active');
  await expect(async () => {
    const filtered = await table.locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(filtered.length).toBeGreaterThan(0);
    expect(new Set(filtered)).toEqual(new Set(['Negotiation']));
  }).toPass();
  expect(await table.locator('tbody tr').count()).toBeLessThanOrEqual(allRows);
  await snap(page, journey, '04-topics-negotiation');

  await table.getByRole('link', { name: 'FISH', exact: true }).click();
  await expect(page).toHaveURL(/\/topics\/FISH$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/fisheries subsidies/i);
  await expect(page.getByText('Negotiating Group on Rules').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Watch-list entries' })).toBeVisible();
  await expectAccessible(page);
  await snap(page, journey, '05-topic-fish');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await snap(page, journey, '06-signed-out');

  // The session is gone, not just hidden: the app sends a visitor back to sign in.
  await page.goto('/topics');
  await expect(page).toHaveURL(/\/sign-in\?redirect=%2Ftopics$/);
});
