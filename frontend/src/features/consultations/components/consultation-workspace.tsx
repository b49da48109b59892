// A consultation's page body: its facts and link, the lifecycle buttons and the questionnaire builder
// (which share the questionnaire errors that opening can produce), the title and description in the other
// languages, and — once closed — the "you said, we did" note for the public link.
import { Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { canWrite, type Actor, type Consultation } from '../lib/consultation-values';
import type { BuilderErrors } from '../lib/questionnaire';

import { ConsultationLifecycle } from './consultation-lifecycle';
import { ConsultationOverview } from './consultation-overview';
import { FeedbackEditor } from './feedback-editor';
import { QuestionnaireBuilder } from './questionnaire-builder';
import { TitleTranslationsEditor } from './title-translations-editor';

type ConsultationWorkspaceProps = {
  consultation: Consultation;
  actor: Actor;
  ownerName: string;
  topicOptions: { value: string; label: string }[];
  onReload: () => Promise<unknown>;
};

export function ConsultationWorkspace({
  consultation,
  actor,
  ownerName,
  topicOptions,
  onReload,
}: ConsultationWorkspaceProps) {
  const { t } = useTranslation();
  const [questionErrors, setQuestionErrors] = useState<BuilderErrors>({});
  // Reloading after a conflict starts the builder afresh from the server's questionnaire.
  const [builderKey, setBuilderKey] = useState(0);
  const writable = canWrite(actor, consultation.delegation_id);

  async function reload() {
    await onReload();
    setQuestionErrors({});
    setBuilderKey((k) => k + 1);
  }

  return (
    <Stack gap="xl">
      <ConsultationOverview consultation={consultation} ownerName={ownerName} />
      {writable ? (
        <section aria-labelledby="lifecycle-heading">
          <Title order={2} size="h3" id="lifecycle-heading" mb="xs">
            {t('consultations.lifecycle.title')}
          </Title>
          <ConsultationLifecycle
            consultation={consultation}
            onQuestionErrors={setQuestionErrors}
            onReload={() => void reload()}
          />
        </section>
      ) : null}
      <FeedbackEditor
        key={`feedback-${builderKey}`}
        consultation={consultation}
        writable={writable}
        onReload={() => void reload()}
      />
      {writable ? (
        <TitleTranslationsEditor
          key={`titles-${builderKey}`}
          consultation={consultation}
          onReload={() => void reload()}
        />
      ) : null}
      <section aria-labelledby="builder-heading">
        <Title order={2} size="h3" id="builder-heading" mb="xs">
          {t('consultations.builder.title')}
        </Title>
        <QuestionnaireBuilder
          key={builderKey}
          consultation={consultation}
          canEdit={writable}
          externalErrors={questionErrors}
          topicOptions={topicOptions}
          onReload={() => void reload()}
        />
      </section>
    </Stack>
  );
}
