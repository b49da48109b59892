import { describe, expect, it } from 'vitest';

import { formatBytes, snippetText } from './snippet';

describe('snippet', () => {
  it('joins the parts as text, markup included as text', () => {
    const parts = [
      { text: 'the ', highlight: false },
      { text: 'jute', highlight: true },
      { text: ' <script>x</script>', highlight: false },
    ];
    expect(snippetText(parts)).toBe('the jute <script>x</script>');
  });

  it('says sizes in words people read', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatBytes(null)).toBe('');
  });
});
