// issue 11: the Bangladesh delegate subscribes a webhook to `import.finished` (a receiver started inside
// this test on 127.0.0.1 — scripts/e2e.sh allows private targets for it), downloads the stakeholder
// template, uploads a file with two bad rows (an unknown country, a bad size class), sees both named by
// row, column and message, fixes the file, checks it again (clean), imports it and sees the counts; the
// receiver gets the signed `import.finished` event with those counts, and the delivery log shows it.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { expect, test } from '@playwright/test';

import { expectAccessible, signIn, snap } from './support';

const journey = 'imports';
const header = 'external_id,name,kind,country,sector,size_class,employees,women_led';

type Received = { headers: http.IncomingHttpHeaders; body: { type: string; data: Record<string, unknown> } };

/** A webhook receiver on a free loopback port that records every POST and answers 204. */
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      if (req.method === 'POST') {
        try {
          received.push({ headers: req.headers, body: JSON.parse(text) as Received['body'] });
        } catch {
          // Not JSON: not a delivery; the assertions below find nothing for it.
        }
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/gmc-hook`, received, close: () => server.close() };
}

function csvFile(name: string, rows: string[]) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n') + '\n', 'utf8') };
}

test('a delegate imports stakeholders after fixing the rows the check names, and a webhook hears of it', async ({ page }) => {
  // Two uploads, two pages, an axe scan of each step and a delivery by the job runner.
  test.setTimeout(150_000);
  const receiver = await startReceiver();
  try {
    const run = Date.now();
    const ids = [1, 2, 3].map((n) => `E2E-${run}-${n}`);

    // Full-page screenshots from the top, so the sticky header does not cover the page's title.
    const shot = async (step: string) => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await snap(page, journey, step);
    };

    await signIn(page, 'delegate.bgd@gmc.test');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });

    // The subscription, its secret shown once.
    await nav.getByRole('link', { name: 'Webhooks' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
    await page.getByRole('textbox', { name: /^URL/ }).fill(receiver.url);
    await page.getByRole('checkbox', { name: /import\.finished/ }).check();
    await page.getByLabel('Description').fill('Journey receiver');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect(page.getByTestId('webhook-secret-value')).toHaveText(/^whsec_/);
    await expect(page.getByRole('table', { name: 'Your webhook subscriptions' })).toContainText(receiver.url);
    await expectAccessible(page);
    await shot('01-webhook-subscribed');

    // The template: its header row is the columns the file needs.
    await nav.getByRole('link', { name: 'Imports' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download template (.csv)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('stakeholders-import-template.csv');
    const template = await readFile(await download.path(), 'utf8');
    const lines = template.replace(/^\uFEFF/, '').split(/\r?\n/);
    // The header names every column; the file below fills the first eight (the others may be left out).
    const templateHeader = lines.find((line) => !line.startsWith('#')) ?? '';
    expect(templateHeader.split(',').slice(0, 8).join(',')).toBe(header);
    expect(templateHeader.split(',')).toEqual(expect.arrayContaining(['contact_email', 'consent_purpose']));
    await shot('02-import-page');

    // A file with two bad rows: checked, nothing written, both named.
    const fileInput = page.locator('input[type="file"]');
    const good = `${ids[0]},Khulna Jute Works ${run},msme,BGD,C,small,30,yes`;
    await fileInput.setInputFiles(
      csvFile('stakeholders.csv', [
        good,
        `${ids[1]},Comilla Pottery ${run},msme,XXX,C,small,12,no`,
        `${ids[2]},Rajshahi Silk ${run},msme,BGD,C,enormous,4,no`,
      ]),
    );
    await expect(page.getByRole('button', { name: 'Import' })).toBeDisabled();
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByTestId('import-summary')).toHaveText('2 rows need fixing (below). Nothing was written.');
    const problems = page.getByRole('table', { name: 'What to fix, row by row' });
    const problemRows = problems.getByRole('row');
    await expect(problemRows).toHaveCount(3);
    await expect(problemRows.nth(1).getByRole('cell').nth(0)).toHaveText('3');
    await expect(problemRows.nth(1).getByRole('cell').nth(1)).toHaveText('country');
    await expect(problemRows.nth(1).getByRole('cell').nth(3)).not.toBeEmpty();
    await expect(problemRows.nth(2).getByRole('cell').nth(0)).toHaveText('4');
    await expect(problemRows.nth(2).getByRole('cell').nth(1)).toHaveText('size_class');
    await expect(problemRows.nth(2).getByRole('cell').nth(3)).not.toBeEmpty();
    await expect(page.getByRole('button', { name: 'Import' })).toBeDisabled();
    await expectAccessible(page);
    await shot('03-two-rows-named');

    // The fixed file: clean, then imported.
    await fileInput.setInputFiles(
      csvFile('stakeholders-fixed.csv', [
        good,
        `${ids[1]},Comilla Pottery ${run},msme,BGD,C,small,12,no`,
        `${ids[2]},Rajshahi Silk ${run},msme,BGD,C,micro,4,no`,
      ]),
    );
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByTestId('import-summary')).toHaveText(
      'The file is ready: all 3 rows pass every check. Nothing was written yet.',
    );
    await expect(page.getByRole('table', { name: 'What to fix, row by row' })).toHaveCount(0);
    await expectAccessible(page);
    await shot('04-checked-clean');
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page.getByTestId('import-summary')).toHaveText('Imported: every row was written.');
    await expect(page.getByTestId('count-total')).toHaveText('3');
    await expect(page.getByTestId('count-inserted')).toHaveText('3');
    await expect(page.getByTestId('count-rejected')).toHaveText('0');
    await expectAccessible(page);
    await shot('05-imported');

    // The job runner delivers the event: the import's counts, and no row of the file.
    await expect
      .poll(() => receiver.received.filter((r) => r.body.type === 'import.finished').length, { timeout: 20_000 })
      .toBe(1);
    const event = receiver.received.find((r) => r.body.type === 'import.finished');
    expect(event?.body.data).toMatchObject({
      kind: 'stakeholders',
      status: 'completed',
      rows_total: 3,
      rows_inserted: 3,
      rows_updated: 0,
      rows_rejected: 0,
    });
    expect(JSON.stringify(event?.body)).not.toContain('Khulna');
    expect(event?.headers['webhook-signature']).toMatch(/^v1,/);
    expect(event?.headers['webhook-id']).toMatch(/^msg_/);

    // The delivery log shows it delivered; Replay sends the same message again.
    await nav.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('button', { name: `Delivery log of ${receiver.url}` }).click();
    const log = page.getByRole('table', { name: 'Deliveries, newest first' });
    await expect(log.getByRole('row').nth(1)).toContainText('import.finished');
    await expect(log.getByRole('row').nth(1)).toContainText('Delivered');
    await expect(log.getByRole('row').nth(1)).toContainText('204');
    await expectAccessible(page);
    await shot('06-delivery-log');
    await log.getByRole('row').nth(1).getByRole('button', { name: 'Replay' }).click();
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(2);
    expect(receiver.received[1]?.headers['webhook-id']).toBe(event?.headers['webhook-id']);

    // The import page fits a phone: nothing widens it past 390 pixels.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/imports');
    await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  } finally {
    receiver.close();
  }
});
