// Admin area: the admin sees the users and the audit log; an analyst is told the area needs the admin role.
// Admins act as admins only after a second factor, so the admin sets one up first (the demo admin has
// none) and the journey removes it afterwards, leaving the account as `make run` seeds it.
import { expect, test } from '@playwright/test';

import { enrolSecondFactor, expectAccessible, removeSecondFactor, signIn, snap, type SecondFactor } from './support';

let factor: SecondFactor | null = null;

test.afterEach(async ({ request }) => {
  if (factor) await removeSecondFactor(request, 'admin@gmc.test', factor);
  factor = null;
});

test('the admin sees users and the audit log', async ({ page }) => {
  await signIn(page, 'admin@gmc.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Set up two-step sign-in' })).toBeVisible();
  factor = await enrolSecondFactor(page);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
  const users = page.getByRole('table', { name: 'Users' });
  await expect(users).toContainText('delegate.bgd@gmc.test');
  await expect(users).toContainText('Bangladesh');
  await expectAccessible(page);
  await snap(page, 'admin', '01-users');

  await page.getByRole('tab', { name: 'Audit log' }).click();
  const audit = page.getByRole('table', { name: 'Audit log' }).or(page.getByText('The audit log is empty.'));
  await expect(audit).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'admin', '02-audit-log');
});

test('an analyst is told the admin area needs the admin role', async ({ page }) => {
  await signIn(page, 'analyst@gmc.test');
  await page.goto('/admin');
  await expect(page.getByText('You need the admin role')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await snap(page, 'admin', '03-analyst-refused');
});
