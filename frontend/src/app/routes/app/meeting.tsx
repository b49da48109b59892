// /meetings/:id: one meeting. One the user may not read is "not found", exactly like one that does not
// exist.
import { Anchor, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { meetingQueryOptions } from '@/features/meetings/api/get-meeting';
import { MeetingDetails } from '@/features/meetings/components/meeting-details';
import { problemFrom } from '@/lib/problem';

export function MeetingRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const meeting = useQuery(meetingQueryOptions(id));
  if (meeting.isPending) return <PageLoader />;
  if (meeting.isError) {
    const status = problemFrom(meeting.error).status;
    const title = status === 404 ? t('meetings.notFound') : t('meetings.failed');
    return (
      <Stack gap="sm">
        <PageTitle documentTitle={title}>{title}</PageTitle>
        {status === 404 ? null : <QueryError error={meeting.error} onRetry={() => void meeting.refetch()} />}
        <Anchor component={Link} to={paths.meetings}>
          {t('meetings.back')}
        </Anchor>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <PageTitle documentTitle={meeting.data.title}>{meeting.data.title}</PageTitle>
      <MeetingDetails meeting={meeting.data} />
      <Anchor component={Link} to={paths.meetings}>
        {t('meetings.back')}
      </Anchor>
    </Stack>
  );
}
