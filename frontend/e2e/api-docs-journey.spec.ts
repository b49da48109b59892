// Journey 2: the API documentation page renders (Swagger UI, served by the backend with no internet).
import { expect, test } from '@playwright/test';

import { snap } from './support';

test('the API docs page shows the API title and its operations', async ({ page }) => {
  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { name: /Geneva–MSME Connection API/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.opblock').first()).toBeVisible();
  await expect(page.locator('#operations-auth-login')).toBeVisible();
  await snap(page, 'api-docs', '01-swagger-ui');
});
