// Two-step sign-in (TOTP): the demo admin, who has no second factor, is asked to set one up before any
// admin page; enrols with a code computed here from the secret the page shows (as an authenticator app
// would); signs out; signs in again through the code prompt; reaches the admin area; and turns the
// factor off again on the security page with the password and a recovery code.
import { expect, test } from '@playwright/test';

import {
  demoPassword,
  enrolSecondFactor,
  expectAccessible,
  nextCode,
  removeSecondFactor,
  signIn,
  snap,
  type SecondFactor,
} from './support';

const ADMIN = 'admin@gmc.test';
let factor: SecondFactor | null = null;

test.afterEach(async ({ request }) => {
  // Only when the journey stopped before turning the factor off itself.
  if (factor) await removeSecondFactor(request, ADMIN, factor);
  factor = null;
});

test('the admin enrols a second factor, signs in again with a code and reaches the admin area', async ({ page }) => {
  await signIn(page, ADMIN);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up two-step sign-in' })).toBeVisible();
  await expect(page.getByText('Admin accounts need a second factor')).toBeVisible();
  // The prompt stands in for every page, the admin area included, until the factor is set up.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set up two-step sign-in' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectAccessible(page);
  await snap(page, 'second-factor', '01-prompt');

  factor = await enrolSecondFactor(page, 'second-factor');
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Users' })).toContainText('delegate.bgd@gmc.test');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('E-mail').fill(ADMIN);
  await page.getByLabel(/^Password/).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter your code' })).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'second-factor', '04-code-prompt');
  await page.getByLabel('6-digit code').fill(nextCode(factor));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Admin' }).click();
  const users = page.getByRole('table', { name: 'Users' });
  await expect(users).toContainText('delegate.bgd@gmc.test');
  const admin = users.getByRole('row').filter({ hasText: ADMIN });
  await expect(admin).toContainText('On');
  await expect(admin.getByRole('button', { name: `Reset the second factor of ${ADMIN}` })).toBeVisible();
  await expectAccessible(page);
  await snap(page, 'second-factor', '05-admin-area');

  await page.getByRole('link', { name: 'Security' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible();
  await expect(page.getByText('You have 10 unused recovery codes.', { exact: false })).toBeVisible();
  await page.getByLabel(/^Password/).fill(demoPassword);
  await page.getByLabel('Code from the app or a recovery code').fill(factor.recoveryCodes[0] ?? '');
  await page.getByRole('button', { name: 'Turn off two-step sign-in' }).click();
  // Without the factor the admin is back to the prompt: the admin rights go with it.
  await expect(page.getByRole('heading', { level: 1, name: 'Set up two-step sign-in' })).toBeVisible();
  factor = null;
  await snap(page, 'second-factor', '06-turned-off');
});
