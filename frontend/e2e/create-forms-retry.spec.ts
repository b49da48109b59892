// Every create form (impediment, stakeholder, consultation, watch-list entry) survives a refusal by the server: the user is told at the field what is wrong, fixes
// it, saves again and the record exists. Each journey's first attempt breaks a rule only the server
// checks, so the form sends it; the fixed attempt is a new request body and must go under a new
// Idempotency-Key (reusing the first key with another body is a 422 "reused", the bug this guards).
// The impediment journey also resends the refused body unchanged, which keeps its key and is answered
// with the stored refusal.
import { expect, test, type Locator, type Page, type Request, type Response } from '@playwright/test';

import { expectAccessible, signIn, snap } from './support';

const journey = 'create-retry';

/** The answer to the next POST to `path`, with the request that was sent. */
function nextPost(page: Page, path: string): Promise<Response> {
  return page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === path);
}

async function idempotencyKey(request: Request): Promise<string | undefined> {
  return (await request.allHeaders())['idempotency-key'];
}

/** The fields a problem+json response names in `errors[]`. */
async function problemFields(response: Response): Promise<string[]> {
  const problem = (await response.json()) as { errors?: { field: string }[] };
  return (problem.errors ?? []).map((e) => e.field);
}

/** Picks `option` in the searchable select labelled `label`, typing `search` to find it. */
async function pick(page: Page, scope: Locator, label: string, search: string, option: string) {
  await scope.getByLabel(new RegExp(`^${label}`)).fill(search);
  // The option list opens in a layer of its own, named after its field.
  await page.getByRole('listbox', { name: label }).getByRole('option', { name: option, exact: true }).click();
}

test('the impediment form saves after the server refused its HS code', async ({ page }) => {
  test.setTimeout(90_000);
  const title = `Frozen shrimp re-tested at every port of entry (${Date.now()})`;

  await signIn(page, 'delegate.bgd@gmc.test');
  await page.goto('/impediments');
  await page.getByRole('button', { name: 'Report an impediment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Report an impediment' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/^Reporting country/).selectOption('BGD');
  await pick(page, dialog, 'Partner market', 'Union', 'European Union (EU)');
  await pick(page, dialog, 'NTM code', 'A14', 'A14 — Sanitary and phytosanitary measures (finer code in chapter A)');
  // Chapter 77 is reserved in the HS: only the server knows, so the form sends it.
  await dialog.getByLabel(/^HS code/).fill('7701');
  await dialog.getByLabel(/^Title/).fill(title);
  await dialog.getByLabel(/^Description/).fill('Each consignment is sampled again at the port although certified at origin.');

  const refused = nextPost(page, '/api/v1/impediments');
  await dialog.getByRole('button', { name: 'Report', exact: true }).click();
  const first = await refused;
  expect(first.status()).toBe(422);
  expect(await problemFields(first)).toEqual(['hs_code']);
  const firstKey = await idempotencyKey(first.request());
  expect(firstKey).toBeTruthy();
  await expect(dialog.getByLabel(/^HS code/)).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expectAccessible(page);
  await snap(page, journey, '01-impediment-refused');

  // Pressing the button again without a change resends the same attempt: same key, the stored answer.
  const resent = nextPost(page, '/api/v1/impediments');
  await dialog.getByRole('button', { name: 'Report', exact: true }).click();
  const again = await resent;
  expect(again.status()).toBe(422);
  expect(await idempotencyKey(again.request())).toBe(firstKey);
  expect(await again.headerValue('idempotency-replayed')).toBe('true');

  // Dots are ignored by the one HS rule, the server's: 0306.17 is accepted.
  await dialog.getByLabel(/^HS code/).fill('0306.17');
  const saved = nextPost(page, '/api/v1/impediments');
  await dialog.getByRole('button', { name: 'Report', exact: true }).click();
  const second = await saved;
  expect(second.status()).toBe(201);
  expect(await idempotencyKey(second.request())).not.toBe(firstKey);

  await expect(page).toHaveURL(/\/impediments\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('030617', { exact: true })).toBeVisible();
  await expect(page.getByText('A14 — Sanitary and phytosanitary measures (finer code in chapter A)')).toBeVisible();
  await snap(page, journey, '02-impediment-saved');
});

test('the stakeholder form saves after the server refused a taken external id', async ({ page }) => {
  test.setTimeout(90_000);
  const name = `Khulna Shrimp Processors Ltd (${Date.now()})`;
  const externalId = `E2E-${Date.now()}`;

  await signIn(page, 'delegate.bgd@gmc.test');
  await page.goto('/stakeholders');
  await page.getByRole('button', { name: 'Add a stakeholder' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a stakeholder' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/^Name/).fill(name);
  // The demo directory numbers Bangladesh's stakeholders STK-BGD-0001 onwards: this id is taken, which
  // only the server can tell.
  await dialog.getByLabel(/^External id/).fill('STK-BGD-0001');
  await dialog.getByLabel(/^Country/).selectOption('BGD');
  await dialog.getByLabel(/^Sector/).selectOption('C');

  const refused = nextPost(page, '/api/v1/stakeholders');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  const first = await refused;
  expect(first.status()).toBe(422);
  expect(await problemFields(first)).toEqual(['external_id']);
  await expect(dialog.getByLabel(/^External id/)).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await snap(page, journey, '03-stakeholder-refused');

  await dialog.getByLabel(/^External id/).fill(externalId);
  const saved = nextPost(page, '/api/v1/stakeholders');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  const second = await saved;
  expect(second.status()).toBe(201);
  expect(await idempotencyKey(second.request())).not.toBe(await idempotencyKey(first.request()));

  await expect(page).toHaveURL(/\/stakeholders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText(externalId, { exact: true })).toBeVisible();
  await snap(page, journey, '04-stakeholder-saved');
});

test('the consultation form saves after the server refused a too long title', async ({ page }) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  // Titles are at most 200 characters, a limit only the server checks.
  const longTitle = `Survey of the costs of meeting sanitary, phytosanitary and technical requirements in export markets for micro, small and medium-sized food processors and traders in Bangladesh, district by district (${stamp})`;
  expect(longTitle.length).toBeGreaterThan(200);
  const title = `Export requirements survey (${stamp})`;

  await signIn(page, 'delegate.bgd@gmc.test');
  await page.goto('/consultations');
  await page.getByRole('button', { name: 'New consultation' }).click();
  const dialog = page.getByRole('dialog', { name: 'New consultation' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/^Title/).fill(longTitle);

  const refused = nextPost(page, '/api/v1/consultations');
  await dialog.getByRole('button', { name: 'Create draft' }).click();
  const first = await refused;
  expect(first.status()).toBe(422);
  expect(await problemFields(first)).toEqual(['title']);
  await expect(dialog.getByLabel(/^Title/)).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await snap(page, journey, '05-consultation-refused');

  await dialog.getByLabel(/^Title/).fill(title);
  const saved = nextPost(page, '/api/v1/consultations');
  await dialog.getByRole('button', { name: 'Create draft' }).click();
  const second = await saved;
  expect(second.status()).toBe(201);
  expect(await idempotencyKey(second.request())).not.toBe(await idempotencyKey(first.request()));

  await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await snap(page, journey, '06-consultation-saved');
});

test('the watch-list form saves after the server refused a control character in the note', async ({ page }) => {
  test.setTimeout(90_000);
  const note = `Gender chapter in the MSME work programme: women exporters' survey due in March (${Date.now()})`;

  await signIn(page, 'delegate.bgd@gmc.test');
  await page.goto('/topics/GENDER');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Text pasted from a PDF can carry a form feed between pages; the server refuses control characters,
  // the form does not look for them.
  await page.getByLabel(/^Note/).fill(note.replace(' due in', '\fdue in'));

  const refused = nextPost(page, '/api/v1/watch-items');
  await page.getByRole('button', { name: 'Add to watch-list' }).click();
  const first = await refused;
  expect(first.status()).toBe(422);
  expect(await problemFields(first)).toEqual(['note']);
  await expect(page.getByLabel(/^Note/)).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await snap(page, journey, '07-watch-item-refused');

  await page.getByLabel(/^Note/).fill(note);
  const saved = nextPost(page, '/api/v1/watch-items');
  await page.getByRole('button', { name: 'Add to watch-list' }).click();
  const second = await saved;
  expect(second.status()).toBe(201);
  expect(await idempotencyKey(second.request())).not.toBe(await idempotencyKey(first.request()));

  await expect(page.getByText("Added to your delegation's watch-list.")).toBeVisible();
  await expect(page.getByRole('table', { name: 'Watch-list entries' })).toContainText(note);
  await snap(page, journey, '08-watch-item-saved');
});
