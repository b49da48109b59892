// One question of the builder: code, kind, required, topic and English prompt; for choices the options
// (id and English label, reordered, added, removed); for a scale its bounds and end labels; for a
// number its optional bounds; for text its longest answer. Errors sit on the inputs they name.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { oneOf } from '@/lib/domain-values';

import { questionKinds } from '../lib/consultation-values';
import {
  inputFieldsOf,
  questionLevelErrors,
  setTranslation,
  withKind,
  type BuilderErrors,
  type DraftQuestion,
} from '../lib/questionnaire';

import { questionKindLabel } from './consultation-labels';
import { OptionsEditor } from './options-editor';

type QuestionEditorProps = {
  question: DraftQuestion;
  index: number;
  count: number;
  errors: BuilderErrors;
  topicOptions: { value: string; label: string }[];
  translationLanguages: readonly string[];
  onChange: (question: DraftQuestion) => void;
  onMove: (by: -1 | 1) => void;
  onDelete: () => void;
};

const numberOrNull = (value: string | number) => (typeof value === 'number' ? value : null);

export function QuestionEditor(props: QuestionEditorProps) {
  const { question: q, index, count, errors, topicOptions, translationLanguages, onChange } = props;
  const { t } = useTranslation();
  const at = `questions[${index}]`;
  const n = index + 1;
  /** The server's or the checks' errors of the named fields of this question, joined. */
  const err = (...fields: string[]) => {
    const messages = fields.map((f) => errors[`${at}${f}`]).filter(Boolean);
    return messages.length > 0 ? messages.join('; ') : undefined;
  };
  const isChoice = q.kind === 'single_choice' || q.kind === 'multi_choice';

  const headingId = `question-${q.key}-heading`;
  const body = (
    <Stack gap="sm">
      <Group grow align="flex-start">
        <TextInput
          label={t('consultations.builder.code')}
          description={t('consultations.builder.codeHelp')}
          value={q.code}
          onChange={(e) => onChange({ ...q, code: e.currentTarget.value })}
          error={err('.code')}
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        <NativeSelect
          label={t('consultations.builder.kind')}
          value={q.kind}
          onChange={(e) => {
            const kind = oneOf(questionKinds, e.currentTarget.value);
            if (kind) onChange(withKind(q, kind));
          }}
          data={questionKinds.map((k) => ({ value: k, label: questionKindLabel(t, k) }))}
          error={err('.kind')}
        />
        <NativeSelect
          label={t('consultations.builder.topic')}
          value={q.topic_id ?? ''}
          onChange={(e) => onChange({ ...q, topic_id: e.currentTarget.value || null })}
          data={[{ value: '', label: t('consultations.builder.noTopic') }, ...topicOptions]}
          error={err('.topic_id')}
        />
      </Group>
      <Checkbox
        label={t('consultations.builder.required')}
        checked={q.required ?? false}
        onChange={(e) => onChange({ ...q, required: e.currentTarget.checked })}
        error={err('.required')}
      />
      <Textarea
        label={t('consultations.builder.prompt')}
        value={q.prompt.en ?? ''}
        onChange={(e) => onChange({ ...q, prompt: setTranslation(q.prompt, 'en', e.currentTarget.value) })}
        error={err('.prompt', '.prompt.en')}
        autosize
        minRows={2}
        maxLength={1000}
        withAsterisk
      />

      {isChoice ? <OptionsEditor question={q} onChange={onChange} errorAt={err} /> : null}

      {q.kind === 'scale' ? (
        <>
          <Group grow align="flex-start">
            <NumberInput
              label={t('consultations.builder.scaleMin')}
              value={q.min ?? ''}
              min={0}
              max={9}
              allowDecimal={false}
              onChange={(v) => onChange({ ...q, min: numberOrNull(v) })}
              error={err('.min')}
            />
            <NumberInput
              label={t('consultations.builder.scaleMax')}
              value={q.max ?? ''}
              min={1}
              max={10}
              allowDecimal={false}
              onChange={(v) => onChange({ ...q, max: numberOrNull(v) })}
              error={err('.max')}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label={t('consultations.builder.minLabel')}
              value={q.min_label?.en ?? ''}
              onChange={(e) => onChange({ ...q, min_label: setTranslation(q.min_label, 'en', e.currentTarget.value) })}
              error={err('.min_label', '.min_label.en')}
            />
            <TextInput
              label={t('consultations.builder.maxLabel')}
              value={q.max_label?.en ?? ''}
              onChange={(e) => onChange({ ...q, max_label: setTranslation(q.max_label, 'en', e.currentTarget.value) })}
              error={err('.max_label', '.max_label.en')}
            />
          </Group>
        </>
      ) : null}

      {q.kind === 'number' ? (
        <Group grow align="flex-start">
          <NumberInput
            label={t('consultations.builder.numberMin')}
            description={t('consultations.builder.optional')}
            value={q.min ?? ''}
            onChange={(v) => onChange({ ...q, min: numberOrNull(v) })}
            error={err('.min')}
          />
          <NumberInput
            label={t('consultations.builder.numberMax')}
            description={t('consultations.builder.optional')}
            value={q.max ?? ''}
            onChange={(v) => onChange({ ...q, max: numberOrNull(v) })}
            error={err('.max')}
          />
        </Group>
      ) : null}

      {q.kind === 'text' ? (
        <NumberInput
          label={t('consultations.builder.maxLength')}
          value={q.max_length ?? ''}
          min={1}
          max={5000}
          allowDecimal={false}
          onChange={(v) => onChange({ ...q, max_length: numberOrNull(v) })}
          error={err('.max_length')}
          maw={240}
        />
      ) : null}
    </Stack>
  );

  const cardErrors = questionLevelErrors(errors, index, inputFieldsOf(q, index), translationLanguages);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={3} size="h5" id={headingId}>
          {t('consultations.builder.questionN', { n, code: q.code })}
        </Title>
        <Group gap={6} wrap="nowrap">
          <Button
            variant="default"
            size="compact-sm"
            disabled={index === 0}
            onClick={() => props.onMove(-1)}
            aria-label={t('consultations.builder.questionUp', { n })}
          >
            ↑
          </Button>
          <Button
            variant="default"
            size="compact-sm"
            disabled={index === count - 1}
            onClick={() => props.onMove(1)}
            aria-label={t('consultations.builder.questionDown', { n })}
          >
            ↓
          </Button>
          <Button
            variant="light"
            color="red"
            size="compact-sm"
            onClick={props.onDelete}
            aria-label={t('consultations.builder.deleteN', { n })}
          >
            {t('consultations.builder.delete')}
          </Button>
        </Group>
      </Group>
      {cardErrors.length > 0 ? (
        <Alert color="red" variant="light" mb="sm">
          {cardErrors.join(' · ')}
        </Alert>
      ) : null}
      {body}
    </Paper>
  );
}
