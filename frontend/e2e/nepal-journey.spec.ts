// Journey 3: the Nepal delegate's home shows Nepal's watch-list and nothing of Bangladesh's.
import { expect, test } from '@playwright/test';

import { expectAccessible, signIn, snap } from './support';

test("the Nepal delegate's home watch-list shows no Bangladesh entries", async ({ page }) => {
  await signIn(page, 'delegate.npl@gmc.test');
  await expect(page.getByRole('banner')).toContainText('Nepal');
  const watchList = page.getByRole('region', { name: /watch-list/i }).or(page.getByText(/watch-list is empty/));
  await expect(watchList.first()).toBeVisible();
  await expect(page.getByTestId('home-delegation')).toContainText('Nepal');

  const section = page.locator('section', { has: page.getByRole('heading', { name: /watch-list/i }) });
  await expect(section).not.toContainText('Bangladesh');
  await expect(section).not.toContainText('BGD');
  // The delegation column names the country with its code.
  const delegations = await section.locator('tbody tr td:nth-child(2)').allInnerTexts();
  expect(delegations.every((name) => name === 'Nepal (NPL)')).toBe(true);
  await expectAccessible(page);
  await snap(page, 'nepal', '01-home');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
});
