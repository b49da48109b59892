// The sign-in page: e-mail and password, then — for an account with a second factor — its code. A
// signed-in visitor goes straight on to where they were heading.
import { Center, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';

import { env } from '@/config/env';
import { paths } from '@/config/paths';
import { SecondFactorForm } from '@/features/auth/components/second-factor-form';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import { signIn, signInWithCode } from '@/lib/auth/sign-in-out';
import { useIsSignedIn } from '@/lib/auth/use-session';

/** Only same-site paths: `?redirect=https://evil.example` or `//evil.example` must not leave the app. */
function safeRedirect(value: string | null): string {
  if (value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')) return value;
  return paths.home;
}

export function SignInRoute() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const signedIn = useIsSignedIn();
  const [searchParams] = useSearchParams();
  const redirect = safeRedirect(searchParams.get('redirect'));
  // The challenge a correct password bought, while the code is asked for.
  const [mfaToken, setMfaToken] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('signIn.title')} · ${t('app.name')}`;
  }, [t]);

  if (signedIn) return <Navigate to={redirect} replace />;

  return (
    <Center component="main" id="main-content" mih="100vh" p="md" bg="gray.0">
      <Stack w="100%" maw={420} gap="md">
        <Stack gap={2} ta="center">
          <Text fw={700} size="xl" c="blue.9">
            {t('app.name')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('app.tagline')}
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          {mfaToken === null ? (
            <SignInForm
              showDemoAccounts={env.showDemoAccounts}
              onSubmit={async (values) => {
                const result = await signIn(queryClient, values);
                if (result.kind === 'second-factor') setMfaToken(result.mfaToken);
              }}
            />
          ) : (
            <SecondFactorForm
              onSubmit={(code) => signInWithCode(queryClient, mfaToken, code)}
              onCancel={() => setMfaToken(null)}
            />
          )}
        </Paper>
      </Stack>
    </Center>
  );
}
