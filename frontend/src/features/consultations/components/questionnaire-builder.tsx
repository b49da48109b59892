// The questionnaire builder: questions (added by kind, edited, reordered, deleted) and, per language,
// their translations with the missing ones marked. Saving sends the whole `questions` array with
// If-Match; a 412 asks the user to reload, and the server's 422 errors land on the inputs they name.
// Editing is possible only while the consultation is a draft.
import { Alert, Badge, Button, Group, Menu, Stack, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { fieldErrorSentences, problemFrom, problemMessage } from '@/lib/problem';

import { useUpdateConsultation } from '../api/update-consultation';
import { checkQuestionnaire, wordChecks } from '../lib/check-questionnaire';
import { consultationFieldLabels, wordedErrors } from '../lib/consultation-field-labels';
import { questionKinds, type Consultation } from '../lib/consultation-values';
import {
  builderErrorsFrom,
  fromDraft,
  missingTranslations,
  move,
  newQuestion,
  toDraft,
  translationErrorCount,
  type BuilderErrors,
  type DraftQuestion,
} from '../lib/questionnaire';

import { consultationStatusLabel, languageLabel, questionKindLabel } from './consultation-labels';
import { QuestionEditor } from './question-editor';
import { TranslationsEditor } from './translations-editor';

type QuestionnaireBuilderProps = {
  consultation: Consultation;
  canEdit: boolean;
  /** Errors the server gave for the questionnaire elsewhere (opening it), by field. */
  externalErrors: BuilderErrors;
  topicOptions: { value: string; label: string }[];
  onReload: () => void;
};

export function QuestionnaireBuilder({
  consultation,
  canEdit,
  externalErrors,
  topicOptions,
  onReload,
}: QuestionnaireBuilderProps) {
  const { t } = useTranslation();
  const mutation = useUpdateConsultation(consultation.id);
  const [drafts, setDrafts] = useState<DraftQuestion[]>(() => toDraft(consultation.questions));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<BuilderErrors>(externalErrors);
  const [message, setMessage] = useState<{ text: string; conflict?: boolean; saved?: boolean } | null>(null);
  const [shownExternal, setShownExternal] = useState(externalErrors);
  if (shownExternal !== externalErrors) {
    setShownExternal(externalErrors);
    setErrors(externalErrors);
  }

  const editable = canEdit && consultation.status === 'draft';
  const otherLanguages = consultation.languages.filter((l) => l !== 'en');

  function change(next: DraftQuestion[], structural = false) {
    setDrafts(next);
    setDirty(true);
    setMessage(null);
    // Errors are keyed by position: once questions move, they no longer point at the right inputs.
    if (structural) setErrors({});
  }

  async function save() {
    const problems = checkQuestionnaire(drafts);
    if (Object.keys(problems).length > 0) {
      setErrors(wordChecks(problems, (code) => t(`consultations.builder.check.${code}`)));
      setMessage({ text: t('consultations.builder.fixFirst') });
      return;
    }
    setErrors({});
    setMessage(null);
    try {
      await mutation.mutateAsync({ version: consultation.version, body: { questions: fromDraft(drafts) } });
      setDirty(false);
      setMessage({ text: t('consultations.builder.saved'), saved: true });
    } catch (error) {
      const problem = problemFrom(error);
      if (problem.status === 412) {
        setMessage({ text: t('consultations.builder.conflict'), conflict: true });
        return;
      }
      if (problem.errors.length === 0) {
        setMessage({ text: problemMessage(problem) });
        return;
      }
      const { fields, other } = builderErrorsFrom(wordedErrors(t, problem.errors));
      setErrors(fields);
      const marked = Object.keys(fields).length > 0 ? [t('consultations.builder.fixFirst')] : [];
      setMessage({ text: [...marked, ...fieldErrorSentences(other, consultationFieldLabels(t))].join(' ') });
    }
  }

  const questionsTab = (
    <Stack gap="md">
      {drafts.length === 0 ? <Text c="dimmed">{t('consultations.builder.empty')}</Text> : null}
      {drafts.map((q, i) => (
        <QuestionEditor
          key={q.key}
          question={q}
          index={i}
          count={drafts.length}
          errors={errors}
          topicOptions={topicOptions}
          translationLanguages={otherLanguages}
          onChange={(next) => change(drafts.map((d) => (d.key === q.key ? next : d)))}
          onMove={(by) => change(move(drafts, i, by), true)}
          onDelete={() =>
            change(
              drafts.filter((d) => d.key !== q.key),
              true,
            )
          }
        />
      ))}
      <Menu position="bottom-start">
        <Menu.Target>
          <Button variant="outline" w="fit-content">
            {t('consultations.builder.add')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {questionKinds.map((kind) => (
            <Menu.Item key={kind} onClick={() => change([...drafts, newQuestion(kind, drafts)], true)}>
              {questionKindLabel(t, kind)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Stack>
  );

  const translationsTab =
    otherLanguages.length === 0 ? (
      <Text c="dimmed">{t('consultations.translations.englishOnly')}</Text>
    ) : (
      <Tabs defaultValue={otherLanguages[0]} keepMounted={false}>
        <Tabs.List>
          {otherLanguages.map((lang) => {
            const missing = missingTranslations(drafts, lang).length;
            const failing = translationErrorCount(errors, lang);
            return (
              <Tabs.Tab key={lang} value={lang}>
                {languageLabel(t, lang)}{' '}
                {missing + failing > 0 ? (
                  <Badge
                    color={failing > 0 ? 'red' : 'yellow'}
                    variant="filled"
                    autoContrast
                    size="sm"
                    component="span"
                  >
                    {t('consultations.translations.missingCount', { count: Math.max(missing, failing) })}
                  </Badge>
                ) : null}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        {otherLanguages.map((lang) => (
          <Tabs.Panel key={lang} value={lang} pt="md">
            <TranslationsEditor
              lang={lang}
              questions={drafts}
              errors={errors}
              onChange={(index, next) => change(drafts.map((d, i) => (i === index ? next : d)))}
            />
          </Tabs.Panel>
        ))}
      </Tabs>
    );

  const missingTotal = otherLanguages.reduce((sum, lang) => sum + missingTranslations(drafts, lang).length, 0);

  return (
    <Stack gap="md">
      {!canEdit ? (
        <Alert color="gray" variant="light">
          {t('consultations.builder.readOnly')}
        </Alert>
      ) : consultation.status !== 'draft' ? (
        <Alert color="gray" variant="light">
          {t('consultations.builder.locked', { status: consultationStatusLabel(t, consultation.status) })}
        </Alert>
      ) : null}
      <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <VisuallyHidden component="legend">{t('consultations.builder.title')}</VisuallyHidden>
        <Tabs defaultValue="questions">
          <Tabs.List>
            <Tabs.Tab value="questions">{t('consultations.builder.questionsTab', { count: drafts.length })}</Tabs.Tab>
            <Tabs.Tab value="translations">
              {t('consultations.builder.translationsTab')}{' '}
              {missingTotal > 0 ? (
                <Badge color="yellow" variant="filled" autoContrast size="sm" component="span">
                  {t('consultations.translations.missingCount', { count: missingTotal })}
                </Badge>
              ) : null}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="questions" pt="md">
            {questionsTab}
          </Tabs.Panel>
          <Tabs.Panel value="translations" pt="md">
            {translationsTab}
          </Tabs.Panel>
        </Tabs>
      </fieldset>
      <div role="status">
        {message ? (
          <Alert color={message.saved ? 'teal' : 'red'} variant="light">
            <Text size="sm">{message.text}</Text>
            {message.conflict ? (
              <Button mt="xs" size="xs" variant="outline" color="red" onClick={onReload}>
                {t('consultations.builder.reload')}
              </Button>
            ) : null}
          </Alert>
        ) : null}
      </div>
      {editable ? (
        <Group>
          <Button onClick={() => void save()} loading={mutation.isPending} disabled={!dirty}>
            {t('consultations.builder.save')}
          </Button>
          {dirty ? (
            <Text size="sm" c="dimmed">
              {t('consultations.builder.unsaved')}
            </Text>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}
