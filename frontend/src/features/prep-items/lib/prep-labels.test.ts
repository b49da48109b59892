import i18n, { resources } from '@/lib/i18n';

import { evidenceKindLabel, interestLabel, ownerKindLabel, prepKindLabel, prepStatusLabel, stepActionLabel } from './prep-labels';
import { evidenceKinds, interests, ownerKinds, prepKinds, prepStatuses } from './prep-values';

type Tree = { [key: string]: string | Tree };

function at(tree: Tree, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Tree)[key] : undefined), tree);
}

// Every value of every enumeration the tracker shows, under its key, in every language the SPA ships.
const keys = [
  ...prepStatuses.map((v) => `prep.status.${v}`),
  ...prepStatuses.map((v) => `prep.workflow.to.${v}`),
  ...prepKinds.map((v) => `prep.kind.${v}`),
  ...interests.map((v) => `prep.interest.${v}`),
  ...evidenceKinds.map((v) => `prep.evidence.kind.${v}`),
  ...ownerKinds.map((v) => `prep.owner.${v}`),
];

describe('the prep labels', () => {
  it.each(Object.entries(resources))('has every enumeration value labelled in %s', (_language, { translation }) => {
    const missing = keys.filter((key) => typeof at(translation as unknown as Tree, key) !== 'string');
    expect(missing).toEqual([]);
  });

  it('labels known values and falls back to the raw value', () => {
    const t = i18n.t.bind(i18n);
    expect(prepStatusLabel(t, 'capital_review')).toBe('Capital review');
    expect(prepKindLabel(t, 'declaration_text')).toBe('Declaration text');
    expect(interestLabel(t, 'defensive')).toBe('Defensive');
    expect(evidenceKindLabel(t, 'consultation_question')).toBe('Consultation result');
    expect(ownerKindLabel(t, 'coalition')).toBe('Coalition');
    expect(stepActionLabel(t, 'capital_review')).toBe('Send for capital review');
    expect(prepStatusLabel(t, 'parked')).toBe('parked');
  });
});
