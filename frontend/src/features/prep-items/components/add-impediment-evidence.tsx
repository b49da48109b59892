// Links an impediment: the user searches the registry by title (only impediments they may read come
// back), picks one and says why it matters.
import { Alert, Button, Paper, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { problemFrom, problemMessage } from '@/lib/problem';

import { useAddEvidence } from '../api/evidence';
import { impedimentSearchQueryOptions } from '../api/evidence-choices';

const NOTE_MAX = 2000;

export function AddImpedimentEvidence({ itemId, onAdded }: { itemId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const add = useAddEvidence(itemId);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [picked, setPicked] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const found = useQuery(impedimentSearchQueryOptions(q));
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
    <Paper withBorder p="md" miw={280}>
      <Stack gap="sm">
        <Title order={3} size="h5">
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
