// The choices the report form's pickers offer, built from the reference data the API serves (NTM
// categories, countries) so that each reads with its name. The pickers only offer; the server checks
// what is sent and its field errors are shown at the field.
import { partnerGroups, type PartnerGroup } from '@/lib/reference/partner-groups';

export type Option = { value: string; label: string };
export type OptionGroup = { group: string; items: Option[] };

type NtmCategory = { code: string; title: string; kind: string };
type Country = { code: string; name: string };

/**
 * A finer MAST code typed by the user (`a14` → `A14`) when it starts with a known chapter letter and
 * goes on in digits; how many digits the code may have is the server's to say. `null` otherwise.
 */
export function finerNtmCode(text: string, categories: readonly NtmCategory[]): { code: string; chapter: NtmCategory } | null {
  const code = text.trim().toUpperCase();
  const match = /^([A-Z])\d+$/.exec(code);
  const chapter = match && categories.find((c) => c.kind === 'mast_chapter' && c.code === match[1]);
  return chapter ? { code, chapter } : null;
}

type NtmLabels = {
  mast: string;
  procedural: string;
  /** The label of a finer code, e.g. "A14 — Sanitary and phytosanitary measures (chapter A)". */
  finer: (code: string, chapter: NtmCategory) => string;
};

/**
 * The NTM picker's options: the MAST chapters and the procedural-obstacle groups as "A — Sanitary and
 * phytosanitary measures", plus each of `typed` (the search text, the chosen value) that is a finer
 * MAST code, listed after its chapter — the reference data has chapters only, and a delegation often
 * knows the finer code (A14).
 */
export function ntmOptionGroups(
  categories: readonly NtmCategory[],
  typed: readonly string[],
  labels: NtmLabels,
): OptionGroup[] {
  const finer = new Map<string, NtmCategory>();
  for (const text of typed) {
    const f = finerNtmCode(text, categories);
    if (f) finer.set(f.code, f.chapter);
  }
  const mast = categories
    .filter((c) => c.kind === 'mast_chapter')
    .flatMap((c) => [
      { value: c.code, label: `${c.code} — ${c.title}` },
      ...[...finer]
        .filter(([, chapter]) => chapter.code === c.code)
        .map(([code, chapter]) => ({ value: code, label: labels.finer(code, chapter) })),
    ]);
  const procedural = categories
    .filter((c) => c.kind === 'procedural')
    .map((c) => ({ value: c.code, label: `${c.code} — ${c.title}` }));
  return [
    { group: labels.mast, items: mast },
    { group: labels.procedural, items: procedural },
  ].filter((g) => g.items.length > 0);
}

/** The partner picker's options: the market groups, then every country, each with its name and code. */
export function partnerOptionGroups(
  countries: readonly Country[],
  labels: { groups: string; countries: string; groupName: (group: PartnerGroup) => string },
): OptionGroup[] {
  return [
    { group: labels.groups, items: partnerGroups.map((g) => ({ value: g, label: `${labels.groupName(g)} (${g})` })) },
    { group: labels.countries, items: countries.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })) },
  ].filter((g) => g.items.length > 0);
}
