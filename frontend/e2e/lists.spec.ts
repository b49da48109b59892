// The shared list table against the real API: the first page's total in the count, a sort picked from a
// column header (kept in the URL, announced by aria-sort, applied by the server), and the CSV export of
// the filtered, sorted list.
import { readFile } from 'node:fs/promises';

import { expect, test } from '@playwright/test';

import { expectAccessible, signIn, snap } from './support';

test('the registry counts, sorts on the server and exports what it shows', async ({ page }) => {
  await signIn(page, 'analyst@gmc.test');
  await page.goto('/impediments');
  const table = page.getByRole('table', { name: 'Impediments', exact: true });
  await expect(table).toBeVisible();
  await expect(page.getByTestId('impediments-count')).toHaveText(/^25 of [\d,]+ impediments$/);

  const severity = table.getByRole('columnheader', { name: /Severity/ });
  await expect(severity).toHaveAttribute('aria-sort', 'none');
  await expect(table.getByRole('columnheader', { name: /Reported/ })).toHaveAttribute('aria-sort', 'descending');
  await severity.getByRole('button').click();
  await expect(page).toHaveURL(/[?&]sort=-severity\b/);
  await expect(severity).toHaveAttribute('aria-sort', 'descending');
  // The server sorted: the first row has the highest severity there is.
  await expect(table.locator('tbody tr').first().locator('td').nth(5)).toHaveText(/^5 — /);
  await severity.getByRole('button').click();
  await expect(page).toHaveURL(/[?&]sort=severity\b/);
  await expect(severity).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.locator('tbody tr').first().locator('td').nth(5)).toHaveText(/^1 — /);
  await expectAccessible(page);
  await snap(page, 'lists', '01-sorted');

  // The export takes the filters and sort of the page, every page of them, in the table's words.
  await page.goto('/impediments?partner=EU&sort=-severity');
  await expect(page.getByTestId('impediments-count')).toBeVisible();
  const counted = (await page.getByTestId('impediments-count').textContent()) ?? '';
  const total = Number(/([\d,]+) impediments?$/.exec(counted)?.[1]?.replace(/,/g, ''));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^impediments-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await file.path()) ?? '', 'utf8');
  expect(csv.startsWith('\uFEFFTitle,NTM,Partner,Reporting')).toBe(true);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  expect(lines.length - 1).toBe(total);
  expect(lines.slice(1).every((line) => line.includes('European Union (EU)'))).toBe(true);
  await expect(page.getByText(/^Exported [\d,]+ rows?\.$/)).toBeVisible();
});
