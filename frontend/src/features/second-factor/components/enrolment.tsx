// Setting up the second factor, in three steps: start (a new secret), scan the QR code or type the
// secret into an authenticator app and confirm with its current code, then keep the recovery codes,
// shown this once. Only after "I have saved them" does the session switch to the one that passed the
// second factor, so nothing re-renders the codes away before they are saved.
import { Alert, Button, Checkbox, Code, Group, List, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { QRCodeSVG } from 'qrcode.react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { TokenPair } from '@/lib/auth/session';
import { upgradeSession } from '@/lib/auth/sign-in-out';
import { problemFrom, problemMessage } from '@/lib/problem';

import { useStartEnrolment } from '../api/start-enrolment';
import { useVerifyEnrolment } from '../api/verify-enrolment';

type Step =
  | { step: 'start' }
  | { step: 'scan'; secret: string; uri: string }
  | { step: 'save'; codes: string[]; tokens: TokenPair };

/** The secret in groups of four, as people copy it; apps ignore the spaces. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

export function Enrolment({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [state, setState] = useState<Step>({ step: 'start' });
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const start = useStartEnrolment();
  const verify = useVerifyEnrolment();

  async function begin() {
    const e = await start.mutateAsync();
    setCode('');
    setState({ step: 'scan', secret: e.secret, uri: e.otpauth_uri });
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) {
      setCodeError(t('secondFactor.enrol.codeInvalid'));
      return;
    }
    setCodeError(null);
    try {
      const a = await verify.mutateAsync({ code: code.trim() });
      setState({ step: 'save', codes: a.recovery_codes, tokens: a.tokens });
    } catch (error) {
      const problem = problemFrom(error);
      if (problem.status === 422) setCodeError(t('secondFactor.enrol.codeWrong'));
      else setCodeError(problemMessage(problem));
    }
  }

  async function finish() {
    if (state.step !== 'save') return;
    setFinishing(true);
    await upgradeSession(queryClient, state.tokens);
    setFinishing(false);
    onDone?.();
  }

  if (state.step === 'start') {
    return (
      <Stack gap="sm" align="flex-start">
        <Text>{t('secondFactor.enrol.intro')}</Text>
        {start.isError ? (
          <Alert color="red" role="alert">
            {problemMessage(problemFrom(start.error))}
          </Alert>
        ) : null}
        <Button onClick={() => void begin().catch(() => undefined)} loading={start.isPending}>
          {t('secondFactor.enrol.start')}
        </Button>
      </Stack>
    );
  }

  if (state.step === 'scan') {
    return (
      <form onSubmit={(event) => void confirm(event)} noValidate aria-labelledby="enrol-scan-heading">
        <Stack gap="md">
          <Title order={2} size="h4" id="enrol-scan-heading">
            {t('secondFactor.enrol.scanTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <Paper withBorder p="md" w="fit-content" bg="white">
              <QRCodeSVG value={state.uri} size={192} title={t('secondFactor.enrol.qrLabel')} marginSize={2} />
            </Paper>
            <Stack gap="xs">
              <Text size="sm">{t('secondFactor.enrol.manual')}</Text>
              <Text size="sm" fw={600} id="totp-secret-label">
                {t('secondFactor.enrol.secretLabel')}
              </Text>
              <Code block aria-labelledby="totp-secret-label" data-testid="totp-secret" fz="md">
                {grouped(state.secret)}
              </Code>
              <Text size="xs" c="dimmed">
                {t('secondFactor.enrol.settings')}
              </Text>
            </Stack>
          </SimpleGrid>
          <TextInput
            label={t('secondFactor.enrol.codeLabel')}
            description={t('secondFactor.enrol.codeHelp')}
            required
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            value={code}
            error={codeError}
            onChange={(event) => setCode(event.currentTarget.value)}
            maw={240}
          />
          <Group>
            <Button type="submit" loading={verify.isPending}>
              {t('secondFactor.enrol.verify')}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }

  return (
    <Stack gap="md">
      <Alert color="teal" variant="light" title={t('secondFactor.enrol.activeTitle')}>
        {t('secondFactor.enrol.activeText')}
      </Alert>
      <Title order={2} size="h4" id="recovery-codes-heading">
        {t('secondFactor.enrol.codesTitle')}
      </Title>
      <Text size="sm">{t('secondFactor.enrol.codesHelp')}</Text>
      <List aria-labelledby="recovery-codes-heading" listStyleType="none" spacing={4} data-testid="recovery-codes">
        {state.codes.map((c) => (
          <List.Item key={c}>
            <Code fz="md">{c}</Code>
          </List.Item>
        ))}
      </List>
      <Checkbox
        label={t('secondFactor.enrol.saved')}
        checked={saved}
        onChange={(event) => setSaved(event.currentTarget.checked)}
      />
      <Group>
        <Button onClick={() => void finish()} disabled={!saved} loading={finishing}>
          {t('secondFactor.enrol.continue')}
        </Button>
      </Group>
    </Stack>
  );
}
