import { resources } from '@/lib/i18n';

import { alignmentMeasures, alignmentStatuses } from './alignment-values';

type Tree = { [key: string]: string | Tree };

function at(tree: Tree, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Tree)[key] : undefined), tree);
}

const keys = [
  ...alignmentStatuses.map((v) => `alignment.status.${v}`),
  ...alignmentStatuses.map((v) => `alignment.statusHelp.${v}`),
  ...alignmentMeasures.map((v) => `alignment.measure.${v}`),
];

describe('the alignment labels', () => {
  it.each(Object.entries(resources))('has every status and measure labelled in %s', (_language, { translation }) => {
    expect(keys.filter((key) => typeof at(translation as unknown as Tree, key) !== 'string')).toEqual([]);
  });
});
