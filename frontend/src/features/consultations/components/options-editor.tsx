// The options of a choice question: each an id and an English label, reordered, added (up to 30) and
// removed (down to 2). Errors sit on the inputs they name.
import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { addOption, MAX_OPTIONS, move, setTranslation, type DraftQuestion } from '../lib/questionnaire';

type OptionsEditorProps = {
  question: DraftQuestion;
  onChange: (question: DraftQuestion) => void;
  /** The error of a field under the question (`.options[1].id`); registers it as shown. */
  errorAt: (...fields: string[]) => string | undefined;
};

export function OptionsEditor({ question: q, onChange, errorAt }: OptionsEditorProps) {
  const { t } = useTranslation();
  const err = errorAt;
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={600} size="sm" mb={4}>
        {t('consultations.builder.options')}
      </Text>
      {err('.options') ? (
        <Text c="red.8" size="sm" role="alert" mb={4}>
          {err('.options')}
        </Text>
      ) : null}
      <Stack gap={6}>
        {q.options.map((option, j) => {
          const label = t('consultations.builder.optionN', { n: j + 1 });
          const setOptions = (options: DraftQuestion['options']) => onChange({ ...q, options });
          return (
            <Group key={option.key} gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                aria-label={`${label}: ${t('consultations.builder.optionId')}`}
                placeholder={t('consultations.builder.optionId')}
                value={option.id}
                onChange={(e) => {
                  const id = e.currentTarget.value;
                  setOptions(q.options.map((o) => (o.key === option.key ? { ...o, id } : o)));
                }}
                error={err(`.options[${j}].id`)}
                w={140}
                styles={{ input: { fontFamily: 'monospace' } }}
              />
              <TextInput
                aria-label={`${label}: ${t('consultations.builder.optionLabel')}`}
                placeholder={t('consultations.builder.optionLabel')}
                value={option.label.en ?? ''}
                onChange={(e) => {
                  const label = setTranslation(option.label, 'en', e.currentTarget.value);
                  setOptions(q.options.map((o) => (o.key === option.key ? { ...o, label } : o)));
                }}
                error={err(`.options[${j}].label`, `.options[${j}].label.en`)}
                style={{ flex: 1 }}
              />
              <ActionIcon.Group>
                <ActionIcon
                  variant="default"
                  size="lg"
                  disabled={j === 0}
                  onClick={() => setOptions(move(q.options, j, -1))}
                  aria-label={t('consultations.builder.optionUp', { n: j + 1 })}
                >
                  ↑
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  size="lg"
                  disabled={j === q.options.length - 1}
                  onClick={() => setOptions(move(q.options, j, 1))}
                  aria-label={t('consultations.builder.optionDown', { n: j + 1 })}
                >
                  ↓
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  size="lg"
                  color="red"
                  disabled={q.options.length <= 2}
                  onClick={() => setOptions(q.options.filter((o) => o.key !== option.key))}
                  aria-label={t('consultations.builder.optionRemove', { n: j + 1 })}
                >
                  ✕
                </ActionIcon>
              </ActionIcon.Group>
            </Group>
          );
        })}
      </Stack>
      <Button
        variant="subtle"
        size="compact-sm"
        mt={6}
        onClick={() => onChange(addOption(q))}
        disabled={q.options.length >= MAX_OPTIONS}
      >
        {t('consultations.builder.addOption')}
      </Button>
    </fieldset>
  );
}
