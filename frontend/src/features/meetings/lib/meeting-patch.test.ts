import { editValues, meetingPatch } from './meeting-patch';
import type { Meeting } from './meeting-types';

const meeting = {
  id: 'm1',
  kind: 'forum_meeting',
  title: 'Fisheries',
  description: '',
  time_zone: 'Asia/Dhaka',
  place: 'CICG',
  online_url: null,
  visibility: 'delegation',
  times: [
    { role: 'geneva', starts_local: '2027-03-25T05:00', ends_local: '2027-03-25T06:00', time_zone: 'Europe/Zurich' },
    { role: 'organiser', starts_local: '2027-03-25T10:00', ends_local: '2027-03-25T11:00', time_zone: 'Asia/Dhaka' },
  ],
  invitations: [
    { id: 'i1', delegation: { id: 'npl', code: 'NPL', name: 'Nepal' }, response: 'yes' },
    { id: 'i2', user: { id: 'u1', name: 'Ana' }, response: 'pending' },
  ],
} as unknown as Meeting;

describe('the meeting patch', () => {
  it('starts from the organiser wall times and the invited delegations', () => {
    const v = editValues(meeting);
    expect(v.starts_at).toBe('2027-03-25T10:00');
    expect(v.ends_at).toBe('2027-03-25T11:00');
    expect(v.invited_delegation_ids).toEqual(['npl']);
    expect(v.place).toBe('CICG');
    expect(v.online_url).toBe('');
  });

  it('sends nothing for an untouched form and only what changed otherwise', () => {
    const before = editValues(meeting);
    expect(meetingPatch(before, before)).toEqual({});
    expect(meetingPatch(before, { ...before, title: ' Fisheries subsidies ' })).toEqual({ title: 'Fisheries subsidies' });
    expect(meetingPatch(before, { ...before, place: '', online_url: 'https://meet.example/x' })).toEqual({
      place: null,
      online_url: 'https://meet.example/x',
    });
  });

  it('sends the times with their zone, and the invitations as a whole list', () => {
    const before = editValues(meeting);
    expect(meetingPatch(before, { ...before, ends_at: '2027-03-25T12:00' })).toEqual({
      starts_at: '2027-03-25T10:00',
      ends_at: '2027-03-25T12:00',
      time_zone: 'Asia/Dhaka',
    });
    expect(meetingPatch(before, { ...before, invited_delegation_ids: ['npl', 'mmr'] })).toEqual({
      invited_delegation_ids: ['npl', 'mmr'],
    });
    expect(meetingPatch(before, { ...before, invited_delegation_ids: ['npl'] })).toEqual({});
  });
});
