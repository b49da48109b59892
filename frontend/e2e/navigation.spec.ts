// The navigation offers only what the user can use: a delegate sees no Admin item, every area is built
// (none is left marked "coming"), and the admin page typed by hand says it is not available for the role
// instead of failing.
import { expect, test } from '@playwright/test';

import { expectAccessible, signIn, snap } from './support';

test('a delegate is offered only the areas a delegate can use', async ({ page }) => {
  await signIn(page, 'delegate.bgd@gmc.test');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Impediments' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await expect(nav.getByText('Admin', { exact: true })).toHaveCount(0);
  // issue 10: briefings, meetings and the library are built; issue 11: imports and webhooks.
  await expect(nav.getByRole('link', { name: /Briefings/ })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Meetings' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Library' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Imports' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Webhooks' })).toBeVisible();
  await expect(nav.getByTestId('nav-coming')).toHaveCount(0);
  // The ministerial tracker and the alignment report are built: links now.
  await expect(nav.getByRole('link', { name: 'Ministerial tracker' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Alignment' })).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'navigation', '01-delegate');

  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
  await expect(page.getByText('Not available for your role')).toBeVisible();
  await expect(page.getByText('You need the Admin role to see this area.')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectAccessible(page);
  await snap(page, 'navigation', '02-admin-refused');
});
