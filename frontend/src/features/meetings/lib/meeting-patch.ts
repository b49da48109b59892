// The edit form's values from a meeting, and the patch of what changed: the API refuses a patch that
// changes nothing, and sending only what changed keeps an untouched time from raising the sequence.
import type { MeetingPatch } from '../api/update-meeting';

import type { Meeting } from './meeting-types';

export type MeetingEditValues = {
  kind: Meeting['kind'];
  title: string;
  description: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  place: string;
  online_url: string;
  visibility: Meeting['visibility'];
  invited_delegation_ids: string[];
};

export function editValues(meeting: Meeting): MeetingEditValues {
  const organiser = meeting.times.find((z) => z.role === 'organiser');
  return {
    kind: meeting.kind,
    title: meeting.title,
    description: meeting.description,
    starts_at: organiser?.starts_local ?? '',
    ends_at: organiser?.ends_local ?? '',
    time_zone: meeting.time_zone,
    place: meeting.place ?? '',
    online_url: meeting.online_url ?? '',
    visibility: meeting.visibility,
    invited_delegation_ids: meeting.invitations.flatMap((i) => (i.delegation ? [i.delegation.id] : [])),
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Only the fields that differ from `before`; times go together with the zone they are read in. */
export function meetingPatch(before: MeetingEditValues, after: MeetingEditValues): MeetingPatch {
  const patch: MeetingPatch = {};
  if (after.kind !== before.kind) patch.kind = after.kind;
  if (after.title.trim() !== before.title) patch.title = after.title.trim();
  if (after.description.trim() !== before.description) patch.description = after.description.trim();
  const timesChanged =
    after.starts_at !== before.starts_at || after.ends_at !== before.ends_at || after.time_zone !== before.time_zone;
  if (timesChanged) {
    patch.starts_at = after.starts_at;
    patch.ends_at = after.ends_at;
    patch.time_zone = after.time_zone;
  }
  if (after.place.trim() !== before.place) patch.place = after.place.trim() || null;
  if (after.online_url.trim() !== before.online_url) patch.online_url = after.online_url.trim() || null;
  if (after.visibility !== before.visibility) patch.visibility = after.visibility;
  if (!sameSet(after.invited_delegation_ids, before.invited_delegation_ids)) {
    patch.invited_delegation_ids = after.invited_delegation_ids;
  }
  return patch;
}
