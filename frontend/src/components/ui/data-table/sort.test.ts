import { nextSort, sortDirection } from './sort';

describe('list sort', () => {
  it('reads the direction of a field from the sort', () => {
    expect(sortDirection('title', 'title')).toBe('ascending');
    expect(sortDirection('-title', 'title')).toBe('descending');
    expect(sortDirection('-created_at', 'title')).toBe('none');
    expect(sortDirection(undefined, 'title')).toBe('none');
    expect(sortDirection('title_x', 'title')).toBe('none');
  });

  it('turns the direction round on a second click', () => {
    expect(nextSort('title', 'title')).toBe('-title');
    expect(nextSort('-title', 'title')).toBe('title');
  });

  it('starts a new column ascending, or descending where the top end matters', () => {
    expect(nextSort('-created_at', 'title')).toBe('title');
    expect(nextSort('title', 'created_at', true)).toBe('-created_at');
  });
});
