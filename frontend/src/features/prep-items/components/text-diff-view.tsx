// Two text versions compared word by word: inserted words in <ins>, deleted ones in <del>, each also
// marked in words for screen readers and underlined or struck through — never colour alone.
import { Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { diffParts, diffSummary, type DiffOp } from '../lib/text-diff';

export function TextDiffView({ ops }: { ops: readonly DiffOp[] }) {
  const { t } = useTranslation();
  const parts = diffParts(ops);
  const summary = diffSummary(parts);
  return (
    <div data-testid="text-diff">
      <Text size="sm" mb="xs">
        {t('prep.text.diff.summary', summary)}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('prep.text.diff.legend')}
      </Text>
      <div style={{ whiteSpace: 'pre-wrap', fontFamily: 'var(--mantine-font-family-monospace)', lineHeight: 1.6 }}>
        {parts.map((part, index) => {
          if (part.kind === 'insert') {
            return (
              <ins
                key={index}
                style={{ background: 'var(--mantine-color-teal-1)', textDecoration: 'underline', textDecorationThickness: 2 }}
              >
                <VisuallyHidden>{t('prep.text.diff.inserted')}</VisuallyHidden>
                {part.text}
              </ins>
            );
          }
          if (part.kind === 'delete') {
            return (
              <del key={index} style={{ background: 'var(--mantine-color-red-1)' }}>
                <VisuallyHidden>{t('prep.text.diff.deleted')}</VisuallyHidden>
                {part.text}
              </del>
            );
          }
          return <span key={index}>{part.text}</span>;
        })}
      </div>
    </div>
  );
}
