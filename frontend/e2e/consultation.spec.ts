// Consultations end to end. The Bangladesh delegate creates a consultation in English and Bengali, builds
// a three-question questionnaire (single choice, scale 1–5, text) in the builder, translates it into
// Bengali in the translation view, saves and opens it, and reads the share link off the page. An MSME on
// a 360 px phone, not signed in, opens the link, switches to Bengali, is told next to the field that a
// required question is unanswered, answers everything and is thanked. The delegate's results then chart
// the first question and count the chosen option once; the chart downloads as PNG and SVG, and the page
// prints without the navigation and controls. A second journey files an impediment as the delegate,
// starts its review, and has the analyst validate it.
import { readFile } from 'node:fs/promises';

import { expect, test, type Page } from '@playwright/test';

import { expectAccessible, signIn, snap } from './support';

const journey = 'consultation';

const sea = { id: 'by_sea', en: 'Sea freight', bn: 'সমুদ্রপথে' };
const air = { id: 'by_air', en: 'Air freight', bn: 'আকাশপথে' };
const q1 = {
  en: 'How do you ship most of your exports?',
  bn: 'আপনি বেশিরভাগ রপ্তানি পণ্য কীভাবে পাঠান?',
  options: [sea, air],
};
const q2 = { en: 'How hard are border procedures for you?', bn: 'সীমান্তের প্রক্রিয়াগুলো আপনার জন্য কতটা কঠিন?' };
const q3 = { en: 'What would help your business most?', bn: 'আপনার ব্যবসার জন্য সবচেয়ে বেশি কী সহায়ক হবে?' };

/** The builder's card of question `n` (its code is the default `q<n>`), on whichever tab is showing. */
const questionCard = (page: Page, n: number) => page.getByRole('region', { name: `Question ${n} (q${n})` });

async function addQuestion(page: Page, kind: string) {
  await page.getByRole('button', { name: 'Add a question' }).click();
  await page.getByRole('menuitem', { name: kind, exact: true }).click();
}

test('a delegate runs a Bengali consultation that an MSME answers on a phone, and reads the results', async ({
  page,
  browser,
}) => {
  // Three browser sessions, a dozen pages and an axe scan of most: longer than the default minute.
  test.setTimeout(180_000);
  const title = `Export logistics survey (${Date.now()})`;

  // --- the delegate creates a draft in English and Bengali ----------------------------------------
  await signIn(page, 'delegate.bgd@gmc.test');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Consultations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Consultations' })).toBeVisible();
  await page.getByRole('button', { name: 'New consultation' }).click();
  const dialog = page.getByRole('dialog', { name: 'New consultation' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/^Title/).fill(title);
  await dialog.getByLabel(/^Description/).fill('Five minutes on how you ship goods abroad and what slows you down.');
  await dialog.getByRole('checkbox', { name: /^Bengali/ }).check();
  await expect(dialog.getByRole('checkbox', { name: /^Bengali/ })).toBeChecked();
  await expectAccessible(page);
  await snap(page, journey, '01-create-form');
  const created = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/consultations',
  );
  await dialog.getByRole('button', { name: 'Create draft' }).click();
  expect((await created).status()).toBe(201);
  await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}$/);
  const consultationPath = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(
    page.getByRole('tabpanel', { name: 'Questions (0)' }).getByText('No questions yet. Add the first one.'),
  ).toBeVisible();

  // --- three questions through the builder ---------------------------------------------------------
  await addQuestion(page, 'Single choice');
  const first = questionCard(page, 1);
  await expect(first).toBeVisible();
  await first.getByRole('checkbox', { name: 'An answer is required' }).check();
  await first.getByLabel(/^Question \(English\)/).fill(q1.en);
  for (const [i, option] of q1.options.entries()) {
    await first.getByLabel(`Option ${i + 1}: Id`).fill(option.id);
    await first.getByLabel(`Option ${i + 1}: Label (English)`).fill(option.en);
  }

  await addQuestion(page, 'Scale');
  const second = questionCard(page, 2);
  await expect(second).toBeVisible();
  await second.getByLabel(/^Question \(English\)/).fill(q2.en);
  await expect(second.getByLabel('Lowest value', { exact: true })).toHaveValue('1');
  await expect(second.getByLabel('Highest value', { exact: true })).toHaveValue('5');

  await addQuestion(page, 'Text');
  const third = questionCard(page, 3);
  await expect(third).toBeVisible();
  await third.getByLabel(/^Question \(English\)/).fill(q3.en);
  await expect(page.getByRole('tab', { name: 'Questions (3)' })).toHaveAttribute('aria-selected', 'true');
  await expectAccessible(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, journey, '02-builder');

  // --- the Bengali translations, in the translation view --------------------------------------------
  // Five texts lack Bengali: three prompts and two option labels (the scale has no end labels).
  await page.getByRole('tab', { name: /^Translations/ }).click();
  const bengaliTab = page.getByRole('tab', { name: /^Bengali/ });
  await expect(bengaliTab).toHaveAttribute('aria-selected', 'true');
  await expect(bengaliTab).toContainText('5 missing');
  // Each input is labelled with the language it takes, not "(English)".
  await expect(page.getByRole('tabpanel', { name: /^Bengali/ }).getByLabel(/\(English\)/)).toHaveCount(0);
  await questionCard(page, 1).getByLabel(/^Question \(Bengali\)/).fill(q1.bn);
  for (const [i, option] of q1.options.entries()) {
    await questionCard(page, 1).getByLabel(new RegExp(`^Option ${i + 1} \\(Bengali\\)`)).fill(option.bn);
  }
  await questionCard(page, 2).getByLabel(/^Question \(Bengali\)/).fill(q2.bn);
  await questionCard(page, 3).getByLabel(/^Question \(Bengali\)/).fill(q3.bn);
  await expect(bengaliTab).not.toContainText('missing');
  await expect(page.getByText('Missing', { exact: true })).toHaveCount(0);
  await expectAccessible(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, journey, '03-translations-bn');

  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname.startsWith('/api/v1/consultations/'),
  );
  await page.getByRole('button', { name: 'Save questionnaire' }).click();
  expect((await saved).status()).toBe(200);
  await expect(page.getByText('Questionnaire saved.')).toBeVisible();

  // --- open it and read the share link ---------------------------------------------------------------
  const opened = page.waitForResponse(
    (r) => r.request().method() === 'POST' && /\/api\/v1\/consultations\/[^/]+\/status$/.test(new URL(r.url()).pathname),
  );
  await page.getByRole('button', { name: 'Open for responses' }).click();
  expect((await opened).status()).toBe(200);
  await expect(page.getByText('The consultation is now Open.')).toBeVisible();
  await expect(page.getByTestId('consultation-accepting')).toHaveText('Taking responses');
  await expect(page.getByRole('button', { name: 'Close', exact: true })).toBeVisible();
  const shareLink = await page.getByRole('textbox', { name: 'Public link' }).inputValue();
  expect(shareLink).toMatch(/\/respond\/[A-Za-z0-9_-]{40,}$/);
  await expectAccessible(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, journey, '04-open');

  // --- an MSME on a phone, not signed in, answers in Bengali ------------------------------------------
  const phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'en-US',
  });
  try {
    const msme = await phone.newPage();
    await msme.goto(shareLink);
    await expect(msme.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(msme.getByRole('group', { name: new RegExp(q1.en) })).toBeVisible();

    const bengaliForm = msme.waitForResponse(
      (r) => new URL(r.url()).pathname.startsWith('/api/v1/public/consultations/') && r.url().includes('lang=bn'),
    );
    await msme.getByLabel('Language').selectOption('bn');
    expect((await bengaliForm).status()).toBe(200);
    await expect(msme).toHaveURL(/[?&]lang=bn\b/);
    await expect(msme.locator('html')).toHaveAttribute('lang', 'bn');
    const choice = msme.getByRole('group', { name: new RegExp(q1.bn) });
    await expect(choice).toBeVisible();
    await expect(msme.getByRole('group', { name: new RegExp(q2.bn) })).toBeVisible();
    await expect(msme.getByLabel(q3.bn)).toBeVisible();
    await expect(msme.getByRole('group', { name: new RegExp(q1.en) })).toHaveCount(0);
    const noHorizontalScroll = () => msme.evaluate(() => document.documentElement.scrollWidth);
    expect(await noHorizontalScroll()).toBeLessThanOrEqual(360);
    await expectAccessible(msme);
    await snap(msme, journey, '05-respond-bn-360');

    // The scale's points are named in Bengali digits (৪ is 4).
    const four = new Intl.NumberFormat('bn').format(4);
    await msme.getByRole('group', { name: new RegExp(q2.bn) }).getByRole('radio', { name: four, exact: true }).check();
    await msme.getByLabel(q3.bn).fill('Faster SPS certificates and one window for export papers.');

    // The required first question left unanswered: the message sits in its field, and the error summary
    // at the top takes focus, counts the problem and links to the field, which its link focuses.
    const submit = msme.getByRole('button', { name: 'আমার উত্তর পাঠান' });
    await submit.click();
    await expect(choice.getByText('অনুগ্রহ করে এই প্রশ্নের উত্তর দিন।')).toBeVisible();
    await expect(choice.getByRole('radiogroup')).toHaveAttribute('aria-invalid', 'true');
    const summary = msme.locator('#error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('একটি সমস্যা আছে');
    await summary.getByRole('link').first().click();
    await expect(choice.getByRole('radio', { name: sea.bn })).toBeFocused();
    expect(await noHorizontalScroll()).toBeLessThanOrEqual(360);
    await expectAccessible(msme);
    await snap(msme, journey, '06-respond-required-error');

    await choice.getByRole('radio', { name: sea.bn }).check();
    await expect(choice.getByText('অনুগ্রহ করে এই প্রশ্নের উত্তর দিন।')).toHaveCount(0);
    const sent = msme.waitForResponse(
      (r) => r.request().method() === 'POST' && /\/api\/v1\/public\/consultations\/[^/]+\/responses$/.test(r.url()),
    );
    await submit.click();
    expect((await sent).status()).toBe(201);
    await expect(msme.getByRole('heading', { level: 1, name: 'ধন্যবাদ!' })).toBeVisible();
    await expect(msme.getByText('আপনার উত্তর পাওয়া গেছে।')).toBeVisible();
    expect(await noHorizontalScroll()).toBeLessThanOrEqual(360);
    await expectAccessible(msme);
    await snap(msme, journey, '07-respond-thanks');
  } finally {
    await phone.close();
  }

  // --- back as the delegate: the results count the answer ---------------------------------------------
  await page.goto(consultationPath);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId('consultation-responses')).toHaveText('1');
  await page.getByRole('link', { name: 'See results' }).click();
  await expect(page).toHaveURL(`${consultationPath}/results`);
  await expect(page.getByRole('heading', { level: 1, name: `Results: ${title}` })).toBeVisible();
  await expect(page.getByTestId('results-respondents')).toHaveText('Respondents: 1');

  const firstResult = page.getByRole('region', { name: `1. ${q1.en}` });
  await expect(firstResult).toBeVisible();
  // The chart (an image named after the question; the table below gives screen readers the numbers)
  // names both options and draws a single bar: the chosen option's (an option nobody chose has no bar
  // to draw), labelled with its count and share.
  const chart = firstResult.getByRole('img', { name: /^Bar chart of the answers to q1/ });
  await expect(chart).toBeVisible();
  await expect(chart).toContainText(sea.en);
  await expect(chart).toContainText(air.en);
  await expect(chart.locator('[data-bar]')).toHaveCount(1);
  await expect(chart).toContainText('1 (100 %)');
  const answers = firstResult.getByRole('table', { name: 'Answers to q1' });
  const seaRow = answers.getByRole('row').filter({ has: page.getByRole('rowheader', { name: sea.en }) });
  await expect(seaRow.getByRole('cell').first()).toHaveText('1');
  await expect(seaRow.getByRole('cell').nth(1)).toHaveText('100 %');
  const airRow = answers.getByRole('row').filter({ has: page.getByRole('rowheader', { name: air.en }) });
  await expect(airRow.getByRole('cell').first()).toHaveText('0');
  const scale = page.getByRole('table', { name: 'Answers to q2' });
  const fourRow = scale.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '4', exact: true }) });
  await expect(fourRow.getByRole('cell').first()).toHaveText('1');
  await expectAccessible(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, journey, '08-results');

  // --- a chart for a briefing: PNG at twice its size, or SVG that keeps its look -----------------------
  await firstResult.getByRole('button', { name: 'Download chart' }).click();
  await expect(page.getByRole('menuitem', { name: 'SVG image' })).toBeVisible();
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'PNG image' }).click(),
  ]);
  expect(png.suggestedFilename()).toMatch(/-q1-how-do-you-ship-most-of-your-exports\.png$/);
  const pngBytes = await readFile(await png.path());
  expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  // The IHDR chunk's width: twice the chart's with its 16-unit margins.
  expect(pngBytes.readUInt32BE(16)).toBe(2 * (Number(await chart.getAttribute('width')) + 32));
  await firstResult.getByRole('button', { name: 'Download chart' }).click();
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'SVG image' }).click(),
  ]);
  expect(svg.suggestedFilename()).toMatch(/-q1-how-do-you-ship-most-of-your-exports\.svg$/);
  const svgText = await readFile(await svg.path(), 'utf8');
  expect(svgText).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  expect(svgText).toContain(sea.en);
  expect(svgText).toContain(`>${q1.en} (q1)</title>`);
  // The page's stylesheet does not travel with the file: the bar's colour and the font are on it.
  expect(svgText).toMatch(/<rect[^>]*style="fill:rgb\(/);
  expect(svgText).toMatch(/font-family:[^;"]*system-ui/);

  // --- printed: the results alone, with the filters in effect as a line of text ------------------------
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();
  await expect(page.getByRole('search', { name: 'Filter respondents' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(firstResult.getByRole('button', { name: 'Download chart' })).toBeHidden();
  await expect(page.getByTestId('results-filters-line')).toHaveText('Filters: none (all respondents)');
  await expect(page.getByRole('heading', { level: 1, name: `Results: ${title}` })).toBeVisible();
  await expect(chart).toBeVisible();
  await expect(answers).toBeVisible();
  await snap(page, journey, '08-results-print');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(page.getByTestId('results-filters-line')).toBeHidden();
});

test('a delegate files an impediment and starts its review; an analyst validates it', async ({ page }) => {
  test.setTimeout(120_000);
  const title = `Jute bags refused for missing fumigation marks (${Date.now()})`;

  await signIn(page, 'delegate.bgd@gmc.test');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Impediments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Impediments' })).toBeVisible();
  await page.getByRole('button', { name: 'Report an impediment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Report an impediment' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/^Reporting country/).selectOption('BGD');
  await dialog.getByLabel(/^Partner market/).fill('EU');
  await page.getByRole('listbox', { name: 'Partner market' }).getByRole('option', { name: 'European Union (EU)' }).click();
  await dialog.getByLabel(/^NTM code/).fill('A14');
  await page.getByRole('listbox', { name: 'NTM code' }).getByRole('option', { name: /^A14 — / }).click();
  await dialog.getByLabel(/^HS code/).fill('6305');
  await dialog.getByLabel(/^Title/).fill(title);
  await dialog
    .getByLabel(/^Description/)
    .fill('Consignments of jute sacks are turned back when the ISPM 15 mark is faint, though treated.');
  await dialog.getByLabel(/^Severity/).selectOption('3');
  await dialog.getByLabel(/^Visibility/).selectOption('regional');
  const reported = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/impediments',
  );
  await dialog.getByRole('button', { name: 'Report', exact: true }).click();
  expect((await reported).status()).toBe(201);
  await expect(page).toHaveURL(/\/impediments\/[0-9a-f-]{36}$/);
  const detailPath = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId('impediment-status').first()).toHaveText('Reported');

  await page.getByRole('button', { name: 'Start review' }).click();
  await page.getByLabel(/^Note/).fill('Two exporters sent the refusal notices; please review.');
  await page.getByRole('button', { name: 'Move to “Under review”' }).click();
  await expect(page.getByText('Moved to “Under review”.')).toBeVisible();
  await expect(page.getByTestId('impediment-status').first()).toHaveText('Under review');
  await expect(page.getByRole('button', { name: 'Validate' })).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, journey, '09-impediment-under-review');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn(page, 'analyst@gmc.test');
  await page.goto(detailPath);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: 'Validate' }).click();
  await page.getByLabel(/^Note/).fill('Refusals confirmed against the border notices.');
  await page.getByRole('button', { name: 'Move to “Validated”' }).click();
  await expect(page.getByText('Moved to “Validated”.')).toBeVisible();
  await expect(page.getByTestId('impediment-status').first()).toHaveText('Validated');
  await expect(page.getByTestId('impediment-history').locator('[data-status="validated"]')).toContainText(
    'Under review → Validated',
  );
  await expectAccessible(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, journey, '10-impediment-validated');
});
