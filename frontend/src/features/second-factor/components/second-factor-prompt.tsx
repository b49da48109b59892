// What an admin sees, wherever they go, until their session has passed a second factor: admins act as
// admins only with one (the API answers everything else with 403 `second-factor-required`). Without a
// factor it is the enrolment; with one (a session from before it was set up) it is a new sign-in.
import { Alert, Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { PageTitle } from '@/components/ui/page-title';
import { useSignedInUser } from '@/lib/auth/use-user';

import { Enrolment } from './enrolment';

export function SecondFactorPrompt({ onSignOut }: { onSignOut: () => void }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  return (
    <Stack gap="md">
      <PageTitle documentTitle={t('secondFactor.prompt.title')}>{t('secondFactor.prompt.title')}</PageTitle>
      <Alert color="blue" variant="light" title={t('secondFactor.prompt.why')}>
        {t('secondFactor.prompt.text')}
      </Alert>
      <Paper withBorder p="md">
        {user.second_factor.active ? (
          <Stack gap="sm" align="flex-start">
            <Text>{t('secondFactor.prompt.signInAgain')}</Text>
            <Button onClick={onSignOut}>{t('app.signOut')}</Button>
          </Stack>
        ) : (
          <Enrolment />
        )}
      </Paper>
    </Stack>
  );
}
