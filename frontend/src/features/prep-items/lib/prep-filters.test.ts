import { boardParams, boardQuery, ministerialFromPath } from './prep-filters';

const id = '0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b';

describe('the board filters in the URL', () => {
  it('reads the filters it knows and drops malformed ones', () => {
    const params = new URLSearchParams(`topic=fish&delegation_id=${id.toUpperCase()}&coalition_id=nope&interest=greedy`);
    expect(boardParams.parse(params)).toEqual({ topic: 'FISH', delegation_id: id });
  });

  it('writes them back in a stable order without empty ones', () => {
    expect(boardParams.serialize({ interest: 'defensive', topic: 'AG-PSH' }).toString()).toBe('topic=AG-PSH&interest=defensive');
  });

  it('asks the API for the ministerial and the set filters only', () => {
    expect(boardQuery('MC12', { topic: 'FISH', interest: undefined })).toEqual({ ministerial: 'MC12', topic: 'FISH' });
  });

  it('takes a ministerial code from the path', () => {
    expect(ministerialFromPath('mc12')).toBe('MC12');
    expect(ministerialFromPath('12')).toBeUndefined();
    expect(ministerialFromPath(undefined)).toBeUndefined();
  });
});
