import { ownerChoices, ownerFields } from './owner-options';

const bgd = { id: 'bgd', name: 'Bangladesh' };
const npl = { id: 'npl', name: 'Nepal' };
const coalitions = [
  { id: 'ldc', name: 'LDC Group', code: 'LDC', members: [{ delegation_id: 'bgd' }, { delegation_id: 'npl' }] },
  { id: 'asean', name: 'ASEAN', code: 'ASEAN', members: [{ delegation_id: 'vnm' }] },
];

describe('the owner choices of a new prep item', () => {
  it("offers a member its delegation and the coalitions it belongs to", () => {
    const choices = ownerChoices({ role: 'delegate', delegation: bgd }, coalitions, [bgd, npl]);
    expect(choices.map((c) => c.value)).toEqual(['delegation:bgd', 'coalition:ldc']);
  });

  it('offers an admin every delegation and coalition', () => {
    const choices = ownerChoices({ role: 'admin', delegation: null }, coalitions, [bgd, npl]);
    expect(choices.map((c) => c.value)).toEqual(['delegation:bgd', 'delegation:npl', 'coalition:ldc', 'coalition:asean']);
  });

  it('offers an analyst outside a delegation nothing', () => {
    expect(ownerChoices({ role: 'analyst' }, coalitions, [bgd])).toEqual([]);
  });

  it('turns a choice into the request fields', () => {
    expect(ownerFields('delegation:bgd')).toEqual({ delegation_id: 'bgd' });
    expect(ownerFields('coalition:ldc')).toEqual({ coalition_id: 'ldc' });
    expect(ownerFields('')).toEqual({});
    expect(ownerFields('other:x')).toEqual({});
  });
});
