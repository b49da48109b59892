// A searchable picker of NTM codes: the MAST chapters and procedural-obstacle groups by name, and a
// finer MAST code (A14) when the user types one, which the reference data does not list.
import { Select } from '@mantine/core';
import { useMemo, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

import { ntmOptionGroups } from '../lib/impediment-options';

type NtmCodeSelectProps = {
  categories: readonly { code: string; title: string; kind: string }[];
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  error?: string;
  ref?: Ref<HTMLInputElement>;
};

export function NtmCodeSelect({ categories, value, onChange, onBlur, error, ref }: NtmCodeSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const data = useMemo(
    () =>
      ntmOptionGroups(categories, [search, value], {
        mast: t('impediments.form.ntmMast'),
        procedural: t('impediments.form.ntmProcedural'),
        finer: (code, chapter) => t('reference.ntmFinerCode', { code, chapter: chapter.code, title: chapter.title }),
      }),
    [categories, search, value, t],
  );
  return (
    <Select
      label={t('impediments.form.ntmCode')}
      description={t('impediments.form.ntmCodeHelp')}
      error={error}
      withAsterisk
      searchable
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      searchValue={search}
      onSearchChange={setSearch}
      onBlur={onBlur}
      nothingFoundMessage={t('impediments.form.nothingFound')}
      ref={ref}
    />
  );
}
