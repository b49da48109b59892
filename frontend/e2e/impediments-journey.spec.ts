// A Bangladesh delegate reports an impediment (shrimp into the EU, NTM A14) at regional visibility,
// opens it and starts its review; an analyst finds it in the registry and validates it. The detail then
// shows the status and the full history, and the heat map counts it under chapter A × EU.
import { expect, test } from '@playwright/test';

import { expectAccessible, signIn, snap } from './support';

const journey = 'impediments';

test('a delegate reports an impediment, starts its review, and an analyst validates it', async ({ page }) => {
  // Two users, eight pages and an axe scan of each: longer than the default minute on a slow machine.
  test.setTimeout(120_000);
  const title = `Shrimp consignments held for residue testing (${Date.now()})`;

  await signIn(page, 'delegate.bgd@gmc.test');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Impediments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Impediments' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Impediments', exact: true }).or(page.getByText(/No impediments/))).toBeVisible();
  await expectAccessible(page);
  await snap(page, journey, '01-registry');

  await page.getByRole('button', { name: 'Report an impediment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Report an impediment' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/^Reporting country/).selectOption('BGD');
  // Partner, NTM code and topics are searchable pickers that name what they offer.
  // (Their option lists open in a layer of their own, each list named after its field.)
  const options = (field: string) => page.getByRole('listbox', { name: field }).getByRole('option');
  await dialog.getByLabel(/^Partner market/).fill('EU');
  await options('Partner market').filter({ hasText: /^European Union \(EU\)$/ }).click();
  await expect(dialog.getByLabel(/^Partner market/)).toHaveValue('European Union (EU)');
  await dialog.getByLabel(/^NTM code/).fill('sanitary');
  await expect(options('NTM code').filter({ hasText: /^A — Sanitary and phytosanitary measures$/ })).toBeVisible();
  await dialog.getByLabel(/^NTM code/).fill('A14');
  await options('NTM code').filter({ hasText: /^A14 — Sanitary and phytosanitary measures/ }).click();
  await dialog.getByLabel(/^HS code/).fill('0306');
  await dialog.getByLabel(/^Topics/).fill('SPS');
  await options('Topics').filter({ hasText: /^SPS — Sanitary and phytosanitary measures$/ }).click();
  // Moving on to the next field closes the topics list.
  await dialog.getByLabel(/^Title/).fill(title);
  await dialog
    .getByLabel(/^Description/)
    .fill('Every consignment of frozen shrimp is held at the border for antibiotic residue tests, for up to three weeks.');
  await dialog.getByLabel(/^Severity/).selectOption('4');
  await dialog.getByLabel(/^Visibility/).selectOption('regional');
  await expectAccessible(page);
  await snap(page, journey, '02-report-form');
  await dialog.getByRole('button', { name: 'Report', exact: true }).click();

  await expect(page).toHaveURL(/\/impediments\/[0-9a-f-]{36}$/);
  const detailUrl = page.url();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId('impediment-status').first()).toHaveText('Reported');
  await expect(page.getByText('A14 — Sanitary and phytosanitary measures (finer code in chapter A)')).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Topics' }).getByRole('link', { name: 'SPS — Sanitary and phytosanitary measures' }),
  ).toBeVisible();
  await expect(page.getByTestId('impediment-history')).toContainText('Reported');
  await expectAccessible(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, journey, '03-reported');

  await page.getByRole('button', { name: 'Start review' }).click();
  await page.getByLabel(/^Note/).fill('Evidence from three exporters; asking the project to review.');
  await snap(page, journey, '04-review-form');
  await page.getByRole('button', { name: 'Move to “Under review”' }).click();
  await expect(page.getByText('Moved to “Under review”.')).toBeVisible();
  await expect(page.getByTestId('impediment-status').first()).toHaveText('Under review');
  await expect(page.getByTestId('impediment-history')).toContainText('Reported → Under review');
  // Validation is the analysts' call: the delegate is not offered it.
  await expect(page.getByRole('button', { name: 'Validate' })).toHaveCount(0);
  await expectAccessible(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, journey, '05-under-review');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await signIn(page, 'analyst@gmc.test');
  await page.goto('/impediments');
  await expect(page.getByRole('heading', { level: 1, name: 'Impediments' })).toBeVisible();
  await page.getByLabel('Status').selectOption('under_review');
  await expect(page).toHaveURL(/[?&]status=under_review/);
  await page.getByRole('search').getByLabel('Search').fill(title);
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  const table = page.getByRole('table', { name: 'Impediments', exact: true });
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('heat-map').locator('[data-cell="A:EU"]')).toHaveText('1');
  await expectAccessible(page);
  await snap(page, journey, '06-analyst-filtered');

  await table.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(detailUrl);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: 'Validate' }).click();
  await page.getByLabel(/^Note/).fill('Residue testing rate confirmed against the EU RASFF notifications.');
  await page.getByRole('button', { name: 'Move to “Validated”' }).click();
  await expect(page.getByText('Moved to “Validated”.')).toBeVisible();
  await expect(page.getByTestId('impediment-status').first()).toHaveText('Validated');
  const history = page.getByTestId('impediment-history');
  await expect(history.locator('[data-status]')).toHaveCount(3);
  await expect(history.locator('[data-status="reported"]')).toBeVisible();
  await expect(history.locator('[data-status="under_review"]')).toContainText('Reported → Under review');
  await expect(history.locator('[data-status="validated"]')).toContainText('Under review → Validated');
  await expectAccessible(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, journey, '07-validated');

  // The heat map over the whole registry has a cell for chapter A × EU.
  await page.goto('/impediments');
  const heatMap = page.getByTestId('heat-map');
  await expect(heatMap.getByRole('table')).toBeVisible();
  // Rows and columns carry names, not bare codes.
  await expect(heatMap.getByRole('rowheader', { name: 'A — Sanitary and phytosanitary measures', exact: true })).toBeVisible();
  await expect(heatMap.getByRole('columnheader', { name: 'European Union (EU)', exact: true })).toBeVisible();
  await expect(heatMap.locator('[data-cell="A:EU"]')).toHaveText(/^[1-9]\d*$/);
  await expectAccessible(page);
  await snap(page, journey, '08-heat-map');
});
