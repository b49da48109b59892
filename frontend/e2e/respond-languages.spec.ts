// The public page in Khmer and in Thai on a 360 px phone. Through the API, the Bangladesh delegate creates
// a consultation in English, Khmer and Thai (single and multiple choice, a scale, a number, a text) and
// opens it, its title and description translated too. An MSME whose browser is set to English opens the
// link with ?lang=km, reads who asks, how long it takes and what happens to the answers, sends it empty and
// gets the error summary (a count, a link to each problem that focuses its field), answers everything (the
// profile section too) and is thanked, with what happens next; another does the same with ?lang=th. Then a
// closed consultation whose owners published their "you said, we did" note shows that note at its link. On every screen, each of the page's own words must come from that
// language's dictionary: no English sentence of en.json may show anywhere in the page's text (visible or
// for screen readers), the page must not scroll sideways, and axe must find nothing.
import { readFileSync } from 'node:fs';

import { expect, test, type Page } from '@playwright/test';

import type { MessageKey } from '../src/respond/messages';

import { demoPassword, expectAccessible, snap } from './support';

const journey = 'respond-languages';
const brand = 'Geneva–MSME Connection';

type Words = Record<MessageKey, string>;
const dictionary = (lang: string): Words =>
  JSON.parse(readFileSync(new URL(`../src/respond/locales/${lang}.json`, import.meta.url), 'utf8')) as Words;
const english = dictionary('en');

type Lang = 'km' | 'th';
type Texts = { en: string; km: string; th: string };

const stamp = Date.now();
const titles: Texts = {
  en: `Exports 2026 (${stamp})`,
  km: `ការនាំចេញ 2026 (${stamp})`,
  th: `การส่งออก 2026 (${stamp})`,
};
const descriptions: Texts = {
  en: 'A short survey about exporting.',
  km: 'ការស្ទង់មតិខ្លីអំពីការនាំចេញ',
  th: 'แบบสอบถามสั้น ๆ เรื่องการส่งออก',
};
const shipping = {
  prompt: {
    en: 'How do you ship most of your exports?',
    km: 'តើអ្នកដឹកជញ្ជូនទំនិញនាំចេញភាគច្រើនរបស់អ្នកដោយរបៀបណា?',
    th: 'คุณส่งสินค้าส่งออกส่วนใหญ่ด้วยวิธีใด',
  },
  options: [
    { id: 'sea', label: { en: 'By sea', km: 'តាមផ្លូវសមុទ្រ', th: 'ทางเรือ' } },
    { id: 'air', label: { en: 'By air', km: 'តាមផ្លូវអាកាស', th: 'ทางอากาศ' } },
    { id: 'road', label: { en: 'By road', km: 'តាមផ្លូវគោក', th: 'ทางถนน' } },
  ],
};
const documents = {
  prompt: {
    en: 'Which documents slow your exports down?',
    km: 'តើឯកសារណាខ្លះដែលធ្វើឱ្យការនាំចេញរបស់អ្នកយឺតយ៉ាវ?',
    th: 'เอกสารใดที่ทำให้การส่งออกของคุณล่าช้า',
  },
  options: [
    { id: 'origin', label: { en: 'Certificate of origin', km: 'វិញ្ញាបនបត្របញ្ជាក់ប្រភពដើម', th: 'หนังสือรับรองถิ่นกำเนิดสินค้า' } },
    { id: 'sps', label: { en: 'Phytosanitary certificate', km: 'វិញ្ញាបនបត្រភូតគាមអនាម័យ', th: 'ใบรับรองสุขอนามัยพืช' } },
    { id: 'customs', label: { en: 'Customs declaration', km: 'ប្រកាសគយ', th: 'ใบขนสินค้า' } },
  ],
};
const hardness: Record<'prompt' | 'min' | 'max', Texts> = {
  prompt: {
    en: 'How hard are border procedures for you?',
    km: 'តើនីតិវិធីនៅព្រំដែនពិបាកប៉ុណ្ណាសម្រាប់អ្នក?',
    th: 'ขั้นตอนที่ชายแดนยากเพียงใดสำหรับคุณ',
  },
  min: { en: 'Easy', km: 'ងាយស្រួល', th: 'ง่าย' },
  max: { en: 'Very hard', km: 'ពិបាកណាស់', th: 'ยากมาก' },
};
const days: Texts = {
  en: 'How many days does one shipment wait at the border?',
  km: 'តើការដឹកជញ្ជូនមួយលើករង់ចាំនៅព្រំដែនប៉ុន្មានថ្ងៃ?',
  th: 'สินค้าหนึ่งเที่ยวรอที่ชายแดนกี่วัน',
};
const wish: Texts = {
  en: 'What would help your business most?',
  km: 'តើអ្វីនឹងជួយអាជីវកម្មរបស់អ្នកបានច្រើនជាងគេ?',
  th: 'อะไรจะช่วยธุรกิจของคุณได้มากที่สุด',
};
const answers = {
  km: { wish: 'ការត្រួតពិនិត្យនៅព្រំដែនលឿនជាងមុន និងបង្អួចតែមួយសម្រាប់ឯកសារ', country: 'KHM' },
  th: { wish: 'ตรวจสินค้าที่ชายแดนให้เร็วขึ้นและมีช่องทางเดียวสำหรับเอกสาร', country: 'THA' },
} as const;

const questions = [
  {
    code: 'shipping',
    kind: 'single_choice',
    required: true,
    prompt: shipping.prompt,
    options: shipping.options,
  },
  { code: 'documents', kind: 'multi_choice', prompt: documents.prompt, options: documents.options },
  { code: 'hardness', kind: 'scale', min: 1, max: 5, prompt: hardness.prompt, min_label: hardness.min, max_label: hardness.max },
  { code: 'days', kind: 'number', required: true, min: 0, max: 365, prompt: days },
  { code: 'wish', kind: 'text', max_length: 500, prompt: wish },
];

let sharePath = '';
let closedPath = '';
const note = {
  en: 'You said border checks hold shipments for days.\n\nWe raised it with our neighbours at the WTO in June.',
  km: 'អ្នកបាននិយាយថា ការត្រួតពិនិត្យនៅព្រំដែនឃាត់ទំនិញជាច្រើនថ្ងៃ។\n\nយើងបានលើកបញ្ហានេះនៅ WTO កាលពីខែមិថុនា។',
};

test.beforeAll(async ({ playwright }, testInfo) => {
  const api = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  try {
    const login = await api.post('/api/v1/auth/login', {
      data: { email: 'delegate.bgd@gmc.test', password: demoPassword },
    });
    expect(login.status(), await login.text()).toBe(200);
    const { access_token: token } = (await login.json()) as { access_token: string };
    const headers = { Authorization: `Bearer ${token}` };

    // A closing date, so the page also says until when it is open.
    const closesAt = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
    const created = await api.post('/api/v1/consultations', {
      headers,
      data: {
        title: titles.en,
        description: descriptions.en,
        translations: {
          km: { title: titles.km, description: descriptions.km },
          th: { title: titles.th, description: descriptions.th },
        },
        languages: ['km', 'th'],
        closes_at: closesAt,
        questions,
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const opened = await api.post(`/api/v1/consultations/${id}/status`, {
      headers: { ...headers, 'If-Match': created.headers().etag ?? '' },
      data: { status: 'open' },
    });
    expect(opened.status(), await opened.text()).toBe(200);
    const consultation = (await opened.json()) as { share_path: string; accepting_responses: boolean };
    expect(consultation.accepting_responses).toBe(true);
    sharePath = consultation.share_path;
    expect(sharePath).toMatch(/^\/respond\/[A-Za-z0-9_-]{40,}$/);

    // A second round, in English and Khmer: opened, closed, and the note on what came of it published.
    const second = await api.post('/api/v1/consultations', {
      headers,
      data: {
        title: `Border checks (${stamp})`,
        languages: ['km'],
        questions: [{ code: 'days', kind: 'number', min: 0, prompt: { en: days.en, km: days.km } }],
      },
    });
    expect(second.status(), await second.text()).toBe(201);
    const { id: secondId } = (await second.json()) as { id: string };
    let etag = second.headers().etag ?? '';
    for (const status of ['open', 'closed']) {
      const moved = await api.post(`/api/v1/consultations/${secondId}/status`, {
        headers: { ...headers, 'If-Match': etag },
        data: { status },
      });
      expect(moved.status(), await moved.text()).toBe(200);
      etag = moved.headers().etag ?? '';
    }
    const published = await api.put(`/api/v1/consultations/${secondId}/feedback`, {
      headers: { ...headers, 'If-Match': etag },
      data: { texts: note },
    });
    expect(published.status(), await published.text()).toBe(200);
    closedPath = ((await published.json()) as { share_path: string }).share_path;
  } finally {
    await api.dispose();
  }
});

/** Every text a respondent may meet: visible text, screen-reader-only text, options, labels and the title. */
function pageTexts(page: Page): Promise<string> {
  return page.evaluate(() => {
    const texts = [document.title, document.body.innerText];
    for (const element of document.querySelectorAll('option, .visually-hidden')) texts.push(element.textContent ?? '');
    for (const element of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) texts.push(element.getAttribute(name) ?? '');
    }
    return texts.join('\n');
  });
}

/**
 * No English sentence of the page's dictionary shows (the brand is a name and stays). A sentence with
 * placeholders is looked for by its fixed parts, e.g. "A number from" of "A number from {min} to {max}".
 */
async function expectNoEnglish(page: Page, words: Words) {
  const text = (await pageTexts(page)).replaceAll(brand, '');
  const leftovers = Object.entries(english)
    .filter(([key, sentence]) => sentence !== words[key as MessageKey])
    .filter(([, sentence]) =>
      sentence
        .split(/\{\w+\}/)
        .map((part) => part.trim())
        .filter((part, _i, parts) => parts.length === 1 || (part.length >= 3 && /\p{L}/u.test(part)))
        .some((part) => text.includes(part)),
    )
    .map(([key, sentence]) => `${key}: ${sentence}`);
  expect(leftovers, 'English words of the page left on screen').toEqual([]);
}

async function expectFitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

for (const lang of ['km', 'th'] as const satisfies readonly Lang[]) {
  test(`an MSME answers on a 360 px phone entirely in ${lang === 'km' ? 'Khmer' : 'Thai'}`, async ({ browser }) => {
    test.setTimeout(120_000);
    const words = dictionary(lang);
    const fill = (sentence: string, values: Record<string, string>) =>
      sentence.replace(/\{(\w+)\}/g, (_whole, name: string) => values[name] ?? '');
    // The browser asks for English: ?lang= decides.
    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      locale: 'en-US',
    });
    try {
      const page = await phone.newPage();
      const form = page.waitForResponse((r) => r.url().includes('/api/v1/public/consultations/') && r.url().includes(`lang=${lang}`));
      await page.goto(`${sharePath}?lang=${lang}`);
      expect((await form).status()).toBe(200);

      // --- the form ---------------------------------------------------------------------------------------
      await expect(page.getByRole('heading', { level: 1, name: titles[lang] })).toBeVisible();
      await expect(page.getByText(descriptions[lang], { exact: true })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      // The page's words are the questionnaire's language: nothing in the form is marked as another.
      await expect(page.locator('main [lang]')).toHaveCount(0);
      const submit = page.getByRole('button', { name: words.submit, exact: true });
      await expect(submit).toBeVisible();
      await expect(page.getByLabel(words.language, { exact: true })).toHaveValue(lang);
      await expect(page.getByText(words.requiredNote, { exact: true })).toBeVisible();
      // Who asks (Bangladesh's delegation), about 30 s a question (five: 3 minutes), what happens to the answers.
      const number = (n: number) =>
        page.evaluate((value) => new Intl.NumberFormat(document.documentElement.lang).format(value), n);
      await expect(page.getByText(fill(words['about.askedBy'], { who: words['country.BGD'] }), { exact: true })).toBeVisible();
      await expect(page.getByText(fill(words['about.time'], { minutes: await number(3) }), { exact: true })).toBeVisible();
      await expect(page.getByText(words['about.answers'], { exact: true })).toBeVisible();
      await expect(page.getByText(words.openUntil.split('{date}')[0]?.trim() ?? '', { exact: false })).toBeVisible();
      const choice = page.getByRole('group', { name: shipping.prompt[lang] });
      await expect(choice.getByText(words.chooseOne, { exact: true })).toBeVisible();
      await expect(page.getByRole('group', { name: documents.prompt[lang] }).getByText(words.chooseAny)).toBeVisible();
      await expect(page.getByText(fill(words.numberRangeHint, { min: '0', max: '365' }), { exact: true })).toBeVisible();
      await expect(page.getByText(fill(words.charCount, { count: '0', max: '500' }), { exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: words['profile.title'] })).toBeVisible();
      await expect(page.getByLabel(words['profile.country'], { exact: true })).toHaveValue('');
      await expectNoEnglish(page, words);
      await expectFitsPhone(page);
      await expectAccessible(page);
      await snap(page, journey, `${lang}-1-form`);

      // --- sent empty: the required answers are missing ------------------------------------------------------
      await submit.click();
      const summary = page.getByRole('alert', { name: fill(words['error.summaryMany'], { count: await number(2) }) });
      await expect(summary).toBeFocused();
      await expect(summary.getByRole('link')).toHaveCount(2);
      await expect(choice.getByText(words['error.required'], { exact: true })).toBeVisible();
      await expect(choice.getByRole('radiogroup')).toHaveAttribute('aria-invalid', 'true');
      await summary.getByRole('link', { name: new RegExp(`^${shipping.prompt[lang].replace(/[.?*+^$()[\]\\|{}]/g, '\\$&')}`) }).click();
      await expect(choice.getByRole('radio', { name: shipping.options[0]?.label[lang] })).toBeFocused();
      const daysInput = page.getByLabel(days[lang]);
      await expect(daysInput).toHaveAttribute('aria-invalid', 'true');
      await expect(daysInput).toHaveAccessibleDescription(new RegExp(words['error.required'].replace(/[.?*+^$()[\]\\|{}]/g, '\\$&')));
      await expectNoEnglish(page, words);
      await expectFitsPhone(page);
      await expectAccessible(page);
      await snap(page, journey, `${lang}-2-required-error`);

      // --- every answer, the profile too -----------------------------------------------------------------
      await choice.getByRole('radio', { name: shipping.options[0]?.label[lang] }).check();
      await expect(choice.getByText(words['error.required'])).toHaveCount(0);
      const docs = page.getByRole('group', { name: documents.prompt[lang] });
      await docs.getByRole('checkbox', { name: documents.options[0]?.label[lang] }).check();
      await docs.getByRole('checkbox', { name: documents.options[2]?.label[lang] }).check();
      const four = await page.evaluate(() => new Intl.NumberFormat(document.documentElement.lang).format(4));
      await page.getByRole('group', { name: hardness.prompt[lang] }).getByRole('radio', { name: four, exact: true }).check();
      // The scale is optional, so it offers to clear the answer, in the page's words.
      await expect(page.getByRole('button', { name: words.clear, exact: true })).toBeVisible();
      await daysInput.fill('3');
      await page.getByLabel(wish[lang]).fill(answers[lang].wish);
      const country = page.getByLabel(words['profile.country'], { exact: true });
      await country.selectOption(answers[lang].country);
      // The country is named in the page's language (by its dictionary, not the browser's Intl data).
      await expect(country.locator('option:checked')).toHaveText(words[`country.${answers[lang].country}`]);
      await page.getByLabel(words['profile.sector'], { exact: true }).selectOption({ label: `C – ${words['sector.C']}` });
      await page.getByLabel(words['profile.size_class'], { exact: true }).selectOption({ label: words['profile.small'] });
      await page
        .getByRole('group', { name: words['profile.women_led'] })
        .getByRole('radio', { name: words['profile.yes'], exact: true })
        .check();
      await expectNoEnglish(page, words);
      await expectFitsPhone(page);

      // --- sent: thanked ---------------------------------------------------------------------------------
      const sent = page.waitForResponse(
        (r) => r.request().method() === 'POST' && /\/api\/v1\/public\/consultations\/[^/]+\/responses$/.test(r.url()),
      );
      await submit.click();
      const response = await sent;
      expect(response.status()).toBe(201);
      expect(response.request().postDataJSON()).toMatchObject({
        lang,
        answers: { shipping: 'sea', documents: ['origin', 'customs'], hardness: 4, days: 3, wish: answers[lang].wish },
        profile: { country: answers[lang].country, sector: 'C', size_class: 'small', women_led: true },
      });
      await expect(page.getByRole('heading', { level: 1, name: words['thanks.title'] })).toBeFocused();
      await expect(page.getByText(words['thanks.body'], { exact: true })).toBeVisible();
      await expect(page.getByText(words['thanks.next'], { exact: true })).toBeVisible();
      await expect(page.locator('main [lang]')).toHaveCount(0);
      await expectNoEnglish(page, words);
      await expectFitsPhone(page);
      await expectAccessible(page);
      await snap(page, journey, `${lang}-3-thanks`);
    } finally {
      await phone.close();
    }
  });
}

test('a closed consultation shows its owners’ “you said, we did” note in the respondent’s language', async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, locale: 'en-US' });
  try {
    const page = await phone.newPage();
    const words = dictionary('km');
    await page.goto(`${closedPath}?lang=km`);
    await expect(page.getByRole('heading', { level: 1, name: words['feedback.title'] })).toBeFocused();
    await expect(page.getByText(note.km.split('\n\n')[1] ?? '', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: words.submit })).toHaveCount(0);
    await expectNoEnglish(page, words);
    await expectFitsPhone(page);
    await expectAccessible(page);
    await snap(page, journey, 'km-4-you-said-we-did');

    // A language the consultation lacks: the page and the note in English.
    await page.goto(`${closedPath}?lang=th`);
    await expect(page.getByRole('heading', { level: 1, name: english['feedback.title'] })).toBeVisible();
    await expect(page.getByText(note.en.split('\n\n')[0] ?? '', { exact: true })).toBeVisible();
  } finally {
    await phone.close();
  }
});
