// Every list page works on a phone: at 390 CSS pixels wide nothing widens the page (a wide table scrolls
// inside its own region), so nothing sideways is cut off or needs the whole page scrolled.
import { expect, test, type Page } from '@playwright/test';

import { enrolSecondFactor, removeSecondFactor, signIn, snap, type SecondFactor } from './support';

const width = 390;

test.use({ viewport: { width, height: 844 } });

async function expectFits(page: Page, path: string, ready: (page: Page) => Promise<void>) {
  await page.goto(path);
  await ready(page);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${path} is ${scrollWidth}px wide at ${width}px`).toBeLessThanOrEqual(width);
}

// The list's table, or its empty message when the demo data has no rows for it.
const table = (name: string) => async (page: Page) => {
  const empty = page.getByRole('status').filter({ hasText: /^No |is empty|no .* yet/ });
  await expect(page.getByRole('table', { name, exact: true }).or(empty).first()).toBeVisible();
};

test('the list pages fit a 390-pixel screen', async ({ page }) => {
  await signIn(page, 'analyst@gmc.test');
  await expectFits(page, '/', async (p) => {
    await expect(p.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(p.getByTestId('watch-items')).toBeVisible();
  });
  await expectFits(page, '/topics', table('Topics'));
  await expectFits(page, '/consultations', table('Consultations'));
  await expectFits(page, '/impediments', async (p) => {
    await table('Impediments')(p);
    await expect(p.getByTestId('heat-map').or(p.getByText(/No impediments/)).first()).toBeVisible();
  });
  await snap(page, 'narrow', '01-impediments');
  await expectFits(page, '/stakeholders', table('Stakeholders'));
  await snap(page, 'narrow', '02-stakeholders');
});

let factor: SecondFactor | null = null;

test.afterEach(async ({ request }) => {
  if (factor) await removeSecondFactor(request, 'admin@gmc.test', factor);
  factor = null;
});

test('the admin lists fit a 390-pixel screen', async ({ page }) => {
  await signIn(page, 'admin@gmc.test');
  factor = await enrolSecondFactor(page);
  await expectFits(page, '/admin', table('Users'));
  await page.getByRole('tab', { name: 'Audit log' }).click();
  await table('Audit log')(page);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(width);
});
