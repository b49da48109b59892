// Helpers the journeys share: full-page screenshots into ../artifacts/e2e, an accessibility check of each
// page (axe, WCAG 2.x A and AA rules), signing in through the form, and the second factor an admin needs
// (its codes computed here from the secret the page shows, as an authenticator app would), a PDF with a
// given text for the upload journeys, and signing out.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';

const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../artifacts/e2e');

export const demoPassword = 'demo-pass-2026';

export async function snap(page: Page, journey: string, step: string) {
  await page.screenshot({ path: path.join(artifacts, `${journey}-${step}.png`), fullPage: true });
}

export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, 'axe found accessibility violations').toEqual([]);
}

export async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/^Password/).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** A second factor set up during a journey: its secret, the last time step used, its recovery codes. */
export type SecondFactor = { secret: string; lastStep: number; recoveryCodes: string[] };

/** The 30-second time step now (RFC 6238). */
export const currentStep = () => Math.floor(Date.now() / 30_000);

/** The 6-digit code an authenticator app shows for `secret` during time step `step`. */
export function totpCode(secret: string, step: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: step * 30_000 });
}

/**
 * A code the server takes next: it accepts each time step once, and one step of clock drift ahead, so
 * the step after the last one used works at once instead of waiting up to 30 seconds.
 */
export function nextCode(factor: SecondFactor): string {
  factor.lastStep = Math.max(currentStep(), factor.lastStep + 1);
  return totpCode(factor.secret, factor.lastStep);
}

/**
 * From the enrolment prompt or the security page: starts the enrolment, reads the secret shown for
 * typing into an app, confirms with its current code, keeps the recovery codes and continues.
 */
export async function enrolSecondFactor(page: Page, journey?: string): Promise<SecondFactor> {
  await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
  const shown = page.getByTestId('totp-secret');
  await expect(shown).toBeVisible();
  const secret = ((await shown.textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  if (journey) {
    await expectAccessible(page);
    await snap(page, journey, '02-scan');
  }
  const factor: SecondFactor = { secret, lastStep: 0, recoveryCodes: [] };
  await page.getByLabel('Code from the app').fill(nextCode(factor));
  await page.getByRole('button', { name: 'Verify and turn on' }).click();
  const codes = page.getByTestId('recovery-codes').getByRole('listitem');
  await expect(codes).toHaveCount(10);
  factor.recoveryCodes = (await codes.allTextContents()).map((c) => c.trim());
  if (journey) {
    await expectAccessible(page);
    await snap(page, journey, '03-recovery-codes');
  }
  await page.getByLabel('I have saved these recovery codes').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  return factor;
}

/**
 * Turns an account's second factor off through the API (password, then two recovery codes: one to sign
 * in, one to disable), so the journeys after this one find the demo admin as `make run` leaves it.
 * Does nothing when the factor is already off.
 */
export async function removeSecondFactor(request: APIRequestContext, email: string, factor: SecondFactor) {
  const login = await request.post('/api/v1/auth/login', { data: { email, password: demoPassword } });
  const answer = await login.json();
  if (!answer.mfa_token) return;
  const [signIn, disable] = factor.recoveryCodes.slice(-2);
  const pair = await request.post('/api/v1/auth/mfa', { data: { mfa_token: answer.mfa_token, code: signIn } });
  expect(pair.status()).toBe(200);
  const headers = { Authorization: `Bearer ${(await pair.json()).access_token}` };
  const off = await request.delete('/api/v1/me/mfa', { headers, data: { password: demoPassword, code: disable } });
  expect(off.status()).toBe(204);
}

/** A one-page PDF whose page says `text` (Helvetica), with a correct cross-reference table. */
export function pdfWithText(text: string): Buffer {
  const stream = `BT /F1 12 Tf 50 790 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}
