// The account's security section: whether the second factor is on, how many recovery codes are left,
// and the way to turn it on (enrolment) or off (password and code).
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { useSignedInUser } from '@/lib/auth/use-user';

import { DisableSecondFactor } from './disable-second-factor';
import { Enrolment } from './enrolment';

export function SecuritySettings() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const factor = user.second_factor;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={2} size="h4" id="disable-heading">
            {t('secondFactor.title')}
          </Title>
          <Badge color={factor.active ? 'teal' : 'gray'} variant="light">
            {t(factor.active ? 'secondFactor.on' : 'secondFactor.off')}
          </Badge>
        </Group>
        {factor.active ? (
          <>
            <Text size="sm">{t('secondFactor.activeText', { count: factor.recovery_codes_left })}</Text>
            <Text size="sm">{t('secondFactor.disable.help')}</Text>
            <DisableSecondFactor />
          </>
        ) : (
          <Enrolment />
        )}
      </Stack>
    </Paper>
  );
}
