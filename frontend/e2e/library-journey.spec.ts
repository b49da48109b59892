// A Bangladesh delegate adds a confidential briefing note to the library, uploads a PDF as its new
// version, and finds the note by a word that is only in the PDF's text — the snippet marks the word. A
// Nepal delegate searching for the same word finds nothing. The search results go to
// docs/screenshots/search-results.png.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect, test } from '@playwright/test';

import { pdfWithText, signIn } from './support';

const docs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

test('a delegate uploads a PDF and finds it by a word in its text; Nepal does not', async ({ page }) => {
  test.setTimeout(180_000);
  const word = `quinquereme${Date.now() % 100000}`;
  const title = `Shrimp residue testing: capital brief (${Date.now()})`;

  await signIn(page, 'delegate.bgd@gmc.test');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();

  await page.getByRole('button', { name: 'New document' }).click();
  const dialog = page.getByRole('dialog', { name: 'New document' });
  await dialog.getByLabel(/^Title/).fill(title);
  await dialog.getByLabel(/^Who may see it/).selectOption('delegation');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  await page.locator('input[type="file"]').setInputFiles({
    name: 'capital-brief.pdf',
    mimeType: 'application/pdf',
    buffer: pdfWithText(`Residue testing delays every ${word} consignment`),
  });
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('cell', { name: /capital-brief\.pdf/ })).toBeVisible();

  await page.goto(`/library/search?q=${word}`);
  await expect(page.getByTestId('search-count')).toHaveText('1 document found');
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await expect(page.getByTestId('search-snippet').locator('mark').first()).toHaveText(new RegExp(word, 'i'));
  await page.screenshot({ path: path.join(docs, 'search-results.png'), fullPage: true });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'delegate.npl@gmc.test');
  await page.goto(`/library/search?q=${word}`);
  await expect(page.getByTestId('search-count')).toHaveText('0 documents found');
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);
});
