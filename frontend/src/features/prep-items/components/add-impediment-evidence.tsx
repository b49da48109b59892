// Links an impediment: the user searches the registry by title, on one of the item's topics by default
// (only impediments they may read come back), picks one and says why it matters.
import { Alert, Button, NativeSelect, Paper, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { problemFrom, problemMessage } from '@/lib/problem';

import { useAddEvidence } from '../api/evidence';
import { impedimentSearchQueryOptions } from '../api/evidence-choices';

const NOTE_MAX = 2000;

type Props = { itemId: string; topics: readonly { id: string; code: string; title: string }[]; onAdded: () => void };

export function AddImpedimentEvidence({ itemId, topics, onAdded }: Props) {
  const { t } = useTranslation();
  const add = useAddEvidence(itemId);
  const [search, setSearch] = useState('');
  const [topic, setTopic] = useState(topics[0]?.id ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [picked, setPicked] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const found = useQuery(impedimentSearchQueryOptions(q, topic));
  const options = (found.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.title} (${i.reporting_country} → ${i.partner})` }));

  async function submit() {
    setError(null);
    if (!picked) return setError(t('prep.evidence.pickImpediment'));
    if (note.trim() === '') return setError(t('prep.evidence.noteRequired'));
    try {
      await add.mutateAsync({ target_kind: 'impediment', target_id: picked, note: note.trim() });
      setPicked(null);
      setNote('');
      onAdded();
    } catch (failure) {
      setError(problemMessage(problemFrom(failure), { target_id: t('prep.evidence.pickImpediment'), note: t('prep.evidence.note') }));
    }
  }

  return (
    <Paper withBorder p="md" miw={280} component="section" aria-labelledby="add-impediment-heading">
      <Stack gap="sm">
        <Title order={3} size="h5" id="add-impediment-heading">
          {t('prep.evidence.addImpediment')}
        </Title>
        {error ? (
          <Alert color="red" variant="light" role="alert" title={t('prep.evidence.addFailed')}>
            {error}
          </Alert>
        ) : null}
        <TextInput
          label={t('prep.evidence.searchImpediments')}
          description={t('prep.evidence.searchHelp')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        <NativeSelect
          label={t('prep.evidence.topic')}
          value={topic}
          onChange={(event) => {
            setTopic(event.currentTarget.value);
            setPicked(null);
          }}
          data={[
            { value: '', label: t('prep.filters.allTopics') },
            ...topics.map((item) => ({ value: item.id, label: `${item.code} — ${item.title}` })),
          ]}
        />
        <Select
          label={t('prep.evidence.pickImpediment')}
          data={options}
          value={picked}
          onChange={setPicked}
          nothingFoundMessage={t('prep.evidence.noMatch')}
          searchable
          clearable
        />
        <Textarea
          label={t('prep.evidence.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={NOTE_MAX}
          withAsterisk
        />
        <Button onClick={() => void submit()} loading={add.isPending}>
          {t('prep.evidence.add')}
        </Button>
      </Stack>
    </Paper>
  );
}
