// The forum and technical assistance in one journey (issue 10's "Must show"), every step through the
// pages as people would take it: Bangladesh's delegate schedules a meeting with Nepal's delegation;
// Nepal's delegate accepts it and reads it in Kathmandu time; Bangladesh writes the minutes and records
// an action item from them for Nepal's delegate, chosen by name; Nepal's delegate finds it on their home
// page and marks it done. Then Bangladesh's delegate requests a briefing note for its delegation alone
// (the default); the analyst accepts it with a committed due date, uploads a PDF deliverable right on the
// request — filed under Bangladesh, at the request's `delegation` visibility — and delivers it; the
// delegate opens the request, sees the deliverable, and finds the document in the library by a word
// that is only in the PDF's text, highlighted in the snippet. Nepal's delegate finds Bangladesh's
// request "not found", and the word finds nothing for Nepal.
//
// Screenshots: artifacts/e2e/forum-*.png, and docs/screenshots/{forum-home,meeting-page,
// briefing-request,forum-search-results}.png.
//
// A second test edits and then cancels a meeting: the record stays, marked cancelled.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect, test, type Page } from '@playwright/test';

import { expectAccessible, pdfWithText, signIn, signOut, snap } from './support';

const journey = 'forum';
const docs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

/**
 * An instant as the meeting page words a wall time (`Thu 25 Mar 2027, 14:45`), computed here by the
 * browser's own IANA data — independently of the server, which computes the page's text with chrono-tz.
 */
function wallTime(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')}`;
}

async function scheduleMeeting(page: Page, title: string, start: string, end: string) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Meetings' }).click();
  await expect(page.getByRole('heading', { name: 'Meetings', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Schedule a meeting' }).click();
  const form = page.getByRole('form', { name: 'Schedule a meeting' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel(/^Starts/).fill(start);
  await form.getByLabel(/^Ends/).fill(end);
  await form.getByLabel('Place').fill('CICG, Room 3');
  await form.getByLabel('Invite delegations').fill('Nepal');
  await page.getByRole('option', { name: /Nepal/ }).click();
  await form.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

async function openMeeting(page: Page, title: string) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Meetings' }).click();
  // The home page it leaves links the meeting too (an invitation, an answer due): wait for the list.
  await expect(page.getByRole('heading', { name: 'Meetings', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('a meeting with Nepal, its minutes and action item, and a briefing note delivered as a PDF found by search', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const stamp = Date.now();
  const meetingTitle = `Shrimp testing with Nepal ${stamp}`;
  const actionTitle = `Send the residue test results ${stamp}`;
  // 10:00 in Geneva on 25 March 2027 is 09:00 UTC (CET: Geneva changes its clocks on the 28th).
  const start = new Date(Date.UTC(2027, 2, 25, 9, 0));
  const end = new Date(Date.UTC(2027, 2, 25, 10, 30));
  const kathmandu = `${wallTime(start, 'Asia/Kathmandu')}–${wallTime(end, 'Asia/Kathmandu').slice(-5)}`;
  expect(kathmandu).toBe('Thu 25 Mar 2027, 14:45–16:15');

  // Bangladesh schedules the meeting in Geneva time, inviting Nepal's delegation.
  await signIn(page, 'delegate.bgd@gmc.test');
  await scheduleMeeting(page, meetingTitle, '2027-03-25T10:00', '2027-03-25T11:30');
  const times = page.getByTestId('meeting-times');
  await expect(times).toContainText('Thu 25 Mar 2027, 10:00–11:30 — Zurich (Europe/Zurich, UTC+01:00)');
  await expect(times).toContainText('14:45–16:15 — Kathmandu (Asia/Kathmandu, UTC+05:45)');
  await expect(page.getByRole('row', { name: /Nepal \(NPL\)/ })).toContainText('Not answered yet');
  await signOut(page);

  // Nepal accepts and reads it in Kathmandu time.
  await signIn(page, 'delegate.npl@gmc.test');
  await openMeeting(page, meetingTitle);
  await expect(page.getByTestId('my-rsvp')).toHaveText('Not answered yet');
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByTestId('my-rsvp')).toHaveText('Attending');
  await expect(page.getByTestId('meeting-times')).toContainText(`Nepal (capital): ${kathmandu}`);
  // An invitee changes nothing of the meeting.
  await expect(page.getByRole('button', { name: 'Edit the meeting' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'New action item' })).toHaveCount(0);
  await signOut(page);

  // Bangladesh writes the minutes (Markdown, previewed, then rendered) and records an action item from
  // them for Nepal's delegate, chosen by name.
  await signIn(page, 'delegate.bgd@gmc.test');
  await openMeeting(page, meetingTitle);
  await expect(page.getByRole('row', { name: /Nepal \(NPL\)/ })).toContainText('Attending');
  await page.getByRole('button', { name: 'Write the minutes' }).click();
  await page
    .getByLabel(/^Minutes \(Markdown\)/)
    .fill(`## Decisions\n\n- Nepal sends the **residue test results** by 15 April.\n- Meet again after MC14.`);
  await page.getByRole('tab', { name: 'Preview' }).click();
  await expect(page.getByTestId('minutes-preview').getByRole('heading', { name: 'Decisions' })).toBeVisible();
  await page.getByRole('button', { name: 'Save the minutes' }).click();
  await expect(page.getByText('Minutes saved.')).toBeVisible();
  const minutes = page.getByTestId('minutes-body');
  await expect(minutes.getByRole('heading', { level: 2, name: 'Decisions' })).toBeVisible();
  await expect(minutes.locator('strong')).toHaveText('residue test results');
  const actionForm = page.getByRole('form', { name: 'New action item' });
  await actionForm.getByLabel(/^What is to be done/).fill(actionTitle);
  await actionForm.getByRole('textbox', { name: /^Who/ }).fill('Nepal Delegate');
  await page.getByRole('option', { name: 'Nepal Delegate — Nepal (NPL)' }).click();
  await actionForm.getByLabel(/^Due on/).fill('2027-04-15');
  await actionForm.getByLabel('About').selectOption({ label: 'This meeting' });
  await actionForm.getByRole('button', { name: 'Record the action item' }).click();
  await expect(page.getByText(`“${actionTitle}” recorded for Nepal Delegate.`)).toBeVisible();
  const items = page.getByTestId('meeting-action-items');
  await expect(items.getByRole('row', { name: new RegExp(actionTitle) })).toContainText('Nepal Delegate');
  await expect(items.getByRole('row', { name: new RegExp(actionTitle) })).toContainText('Open');
  await signOut(page);

  // The owner finds it on their home page, opens the meeting (the minutes rendered for them too) and
  // marks it done.
  await signIn(page, 'delegate.npl@gmc.test');
  const open = page.getByRole('region', { name: 'Open action items' });
  await expect(open.getByRole('link', { name: actionTitle })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: path.join(docs, 'forum-home.png'), fullPage: true });
  await snap(page, journey, '01-home');
  await page.getByRole('link', { name: 'Meetings' }).first().click();
  await expect(page.getByTestId('my-action-items')).toContainText(actionTitle);
  await page.getByRole('link', { name: 'Home' }).first().click();
  await open.getByRole('link', { name: actionTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: meetingTitle })).toBeVisible();
  await expect(page.getByTestId('minutes-body').getByRole('heading', { name: 'Decisions' })).toBeVisible();
  await expect(page.getByTestId('meeting-times')).toContainText(`Nepal (capital): ${kathmandu}`);
  await expectAccessible(page);
  await page.screenshot({ path: path.join(docs, 'meeting-page.png'), fullPage: true });
  await snap(page, journey, '02-meeting-page');
  const row = page.getByTestId('meeting-action-items').getByRole('row', { name: new RegExp(actionTitle) });
  await row.getByRole('button', { name: 'Mark done' }).click();
  await expect(row).toContainText('Done');
  await page.getByRole('link', { name: 'Home' }).first().click();
  await expect(page.getByRole('region', { name: 'Open action items' }).getByRole('link', { name: actionTitle })).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, journey, '03-home-phone');
  await page.setViewportSize({ width: 1280, height: 720 });
  await signOut(page);

  // Bangladesh requests a briefing note.
  const requestTitle = `Transit costs for landlocked exporters (${stamp})`;
  const word = `quinquereme${stamp % 100000}`;
  const due = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  await signIn(page, 'delegate.bgd@gmc.test');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Briefings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Briefing requests' })).toBeVisible();
  await page.getByRole('button', { name: 'Request a briefing' }).click();
  await page.getByLabel('Title').fill(requestTitle);
  await page.getByLabel('Question').fill('What do transit costs add to a small exporter’s shipment, and what could MC14 change?');
  // The deliverable stays Bangladesh's alone (the default visibility).
  await expect(page.getByLabel(/^Visibility of the deliverable/)).toHaveValue('delegation');
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expect(page.getByRole('heading', { level: 1, name: requestTitle })).toBeVisible();
  await expect(page.getByText('No step is yours to take now.')).toBeVisible();
  const requestUrl = page.url();
  await expectAccessible(page);
  await signOut(page);

  // The analyst accepts it with a committed due date, works on it, uploads the PDF and delivers.
  await signIn(page, 'analyst@gmc.test');
  await page.goto('/briefings?queue=true');
  await page.getByRole('link', { name: requestTitle, exact: true }).click();
  await page.getByRole('button', { name: 'Accept' }).click();
  await page.getByLabel(/^Due/).fill(due);
  await page.getByRole('button', { name: 'Move to “Accepted”' }).click();
  await expect(page.getByText('Moved to “Accepted”.')).toBeVisible();
  for (const [button, status] of [
    ['Start work', 'In progress'],
    ['Send to review', 'In review'],
  ] as const) {
    await page.getByRole('button', { name: button }).click();
    await page.getByRole('button', { name: `Move to “${status}”` }).click();
    await expect(page.getByText(`Moved to “${status}”.`)).toBeVisible();
  }
  const deliver = page.getByRole('form', { name: 'Deliver a file' });
  await deliver.locator('input[type="file"]').setInputFiles({
    name: 'transit-costs.pdf',
    mimeType: 'application/pdf',
    buffer: pdfWithText(`Transit costs weigh on every ${word} consignment`),
  });
  await deliver.getByRole('button', { name: 'Upload and attach' }).click();
  await expect(page.getByText(`“${requestTitle}” is uploaded and attached.`)).toBeVisible();
  await expect(page.getByTestId('briefing-deliverables').getByRole('link')).toHaveCount(1);
  await page.getByRole('button', { name: 'Deliver', exact: true }).click();
  await page.getByRole('button', { name: 'Move to “Delivered”' }).click();
  await expect(page.getByText('Moved to “Delivered”.')).toBeVisible();
  await snap(page, journey, '04-analyst-delivered');
  await signOut(page);

  // The delegate opens the request, sees the deliverable and opens it, then finds it by the word.
  await signIn(page, 'delegate.bgd@gmc.test');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Briefings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Briefing requests' })).toBeVisible();
  await page.getByRole('link', { name: requestTitle, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: requestTitle })).toBeVisible();
  await expect(page.locator('[data-status="delivered"]').first()).toBeVisible();
  await expect(page.getByTestId('briefing-history').locator('li')).toHaveCount(5);
  const deliverable = page.getByTestId('briefing-deliverables').getByRole('link');
  await expect(deliverable).toHaveCount(1);
  await expect(deliverable).toHaveText(requestTitle);
  await expectAccessible(page);
  await page.screenshot({ path: path.join(docs, 'briefing-request.png'), fullPage: true });
  await snap(page, journey, '05-request-page');
  await deliverable.click();
  await expect(page.getByRole('heading', { level: 1, name: requestTitle })).toBeVisible();
  await expect(page.getByRole('cell', { name: /transit-costs\.pdf/ })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Library' }).click();
  await page.getByRole('link', { name: 'Search the library' }).click();
  await page.getByRole('search').getByLabel('Words to find').fill(word);
  await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('search-count')).toHaveText('1 document found');
  await expect(page.getByRole('link', { name: requestTitle })).toBeVisible();
  await expect(page.getByTestId('search-snippet').locator('mark').first()).toHaveText(new RegExp(word, 'i'));
  await expectAccessible(page);
  await page.screenshot({ path: path.join(docs, 'forum-search-results.png'), fullPage: true });
  await snap(page, journey, '06-search-results');
  await signOut(page);

  // Another delegation never sees Bangladesh's request, nor finds its deliverable.
  await signIn(page, 'delegate.npl@gmc.test');
  await page.goto(requestUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Briefing request not found' })).toBeVisible();
  await page.goto(`/library/search?q=${word}`);
  await expect(page.getByTestId('search-count')).toHaveText('0 documents found');
});

test('the organiser changes a meeting, then cancels it; the record stays, marked cancelled', async ({ page }) => {
  test.setTimeout(120_000);
  const title = `Fisheries dialogue ${Date.now()}`;
  await signIn(page, 'delegate.bgd@gmc.test');
  await scheduleMeeting(page, title, '2027-04-08T10:00', '2027-04-08T11:00');
  // After 28 March Geneva is on summer time: Kathmandu is 3:45 ahead, no longer 4:45.
  await expect(page.getByTestId('meeting-times')).toContainText('Thu 8 Apr 2027, 13:45–14:45 — Kathmandu');

  await page.getByRole('button', { name: 'Edit the meeting' }).click();
  const form = page.getByRole('form', { name: 'Edit the meeting' });
  // Nothing changed is said so, and nothing is sent.
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByText('Nothing was changed.')).toBeVisible();
  // An end before the start is refused by the server, named on the field, and nothing is written.
  await form.getByLabel(/^Ends/).fill('2027-04-08T09:00');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await expect(form.getByLabel(/^Ends/)).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel(/^Ends/).fill('2027-04-08T12:00');
  await form.getByLabel('Title').fill(`${title} (extended)`);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${title} (extended)` })).toBeVisible();
  await expect(page.getByTestId('meeting-times')).toContainText('Thu 8 Apr 2027, 10:00–12:00 — Zurich');

  await page.getByRole('button', { name: 'Cancel the meeting' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel this meeting?' });
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('meeting-status')).toHaveText('Scheduled');
  await page.getByRole('button', { name: 'Cancel the meeting' }).click();
  await dialog.getByRole('button', { name: 'Cancel the meeting' }).click();
  await expect(page.getByTestId('meeting-status')).toHaveText('Cancelled');
  await expect(page.getByTestId('meeting-cancelled')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit the meeting' })).toHaveCount(0);
  await expectAccessible(page);
  await snap(page, journey, '07-cancelled');
  // Kept: still listed and readable by the invited delegation, marked cancelled.
  await signOut(page);
  await signIn(page, 'delegate.npl@gmc.test');
  await page.goto('/meetings');
  await page.getByRole('link', { name: `${title} (extended)`, exact: true }).click();
  await expect(page.getByTestId('meeting-status')).toHaveText('Cancelled');
  await expect(page.getByRole('button', { name: 'Accept' })).toBeDisabled();
});
