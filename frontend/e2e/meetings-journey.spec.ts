// Meetings (issue 10): Bangladesh's delegate schedules a meeting with Nepal's delegation in Geneva time;
// Nepal's delegate accepts it and reads it in Kathmandu time; an action item recorded for Nepal's
// delegate after the meeting shows in their open action items until they mark it done. The meeting page
// screenshot goes to docs/screenshots/meeting-page.png.
//
// The SPA does not yet write minutes or action items (the API does): the action item is recorded here
// through the API as Bangladesh's delegate, the way the organiser's minutes would.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect, test } from '@playwright/test';

import { demoPassword, expectAccessible, signIn, snap } from './support';

const docs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');
const title = `Shrimp testing with Nepal ${Date.now()}`;

test('a delegate schedules a meeting with Nepal, who accepts it in Kathmandu time and gets its action item', async ({
  page,
  playwright,
}, testInfo) => {
  await signIn(page, 'delegate.bgd@gmc.test');
  await page.getByRole('link', { name: 'Meetings' }).first().click();
  await expect(page.getByRole('heading', { name: 'Meetings', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Schedule a meeting' }).click();
  const form = page.getByRole('form', { name: 'Schedule a meeting' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel(/^Starts/).fill('2027-03-25T10:00');
  await form.getByLabel(/^Ends/).fill('2027-03-25T11:30');
  await form.getByLabel('Place').fill('CICG, Room 3');
  await form.getByLabel('Invite delegations').fill('Nepal');
  await page.getByRole('option', { name: /Nepal/ }).click();
  await form.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const times = page.getByTestId('meeting-times');
  await expect(times).toContainText('Thu 25 Mar 2027, 10:00–11:30 — Zurich (Europe/Zurich, UTC+01:00)');
  await expect(times).toContainText('14:45–16:15 — Kathmandu (Asia/Kathmandu, UTC+05:45)');
  const meetingUrl = page.url();
  const meetingId = meetingUrl.split('/').pop() ?? '';

  // The organiser records an action item for Nepal's delegate (through the API: see above).
  const api = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  const login = await api.post('/api/v1/auth/login', { data: { email: 'delegate.bgd@gmc.test', password: demoPassword } });
  const { access_token: token } = (await login.json()) as { access_token: string };
  const headers = { Authorization: `Bearer ${token}` };
  const meeting = (await (await api.get(`/api/v1/meetings/${meetingId}`, { headers })).json()) as {
    invitations: { delegation?: { code: string } | null }[];
  };
  expect(meeting.invitations.some((i) => i.delegation?.code === 'NPL')).toBe(true);
  const users = await api.post('/api/v1/auth/login', { data: { email: 'delegate.npl@gmc.test', password: demoPassword } });
  const { access_token: nplToken } = (await users.json()) as { access_token: string };
  const me = (await (await api.get('/api/v1/me', { headers: { Authorization: `Bearer ${nplToken}` } })).json()) as {
    id: string;
  };
  const created = await api.post(`/api/v1/meetings/${meetingId}/action-items`, {
    headers,
    data: { title: 'Send the residue test results', owner_user_id: me.id, due_on: '2027-04-15' },
  });
  expect(created.status(), await created.text()).toBe(201);
  await api.dispose();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'delegate.npl@gmc.test');
  await page.goto(meetingUrl);
  await expect(page.getByTestId('my-rsvp')).toHaveText('Not answered yet');
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByTestId('my-rsvp')).toHaveText('Attending');
  await expect(page.getByTestId('meeting-times')).toContainText('Nepal (capital): Thu 25 Mar 2027, 14:45–16:15');
  await expect(page.getByTestId('meeting-action-items')).toContainText('Send the residue test results');
  await expectAccessible(page);
  await page.screenshot({ path: path.join(docs, 'meeting-page.png'), fullPage: true });
  await snap(page, 'meetings', 'meeting-page');

  await page.goto('/meetings');
  await expect(page.getByTestId('my-action-items')).toContainText('Send the residue test results');
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, 'meetings', 'phone');
});
