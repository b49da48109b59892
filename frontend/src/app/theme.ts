// The Mantine theme, tuned for WCAG 2.2 AA contrast: Mantine's default shade 6 puts white text on
// #228be6 (3.5:1) and grey "dimmed" text at 3.3:1, both below the 4.5:1 that normal text needs. Shade 9
// for filled, light and outline variants, darker dimmed/placeholder greys and a darker error red keep
// every pair above it.
import {
  Badge,
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

// The light variant (badges, alerts, the active nav link) tints its background with 10% of the colour,
// which over a striped table row leaves teal or red text at about 4.2:1. A solid shade-0 background
// under shade-9 text stays above 4.7:1 for every colour used here.
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return colors;
  return {
    ...colors,
    background: `var(--mantine-color-${parsed.color}-0)`,
    hover: `var(--mantine-color-${parsed.color}-1)`,
    color: `var(--mantine-color-${parsed.color}-9)`,
  };
};

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 9, dark: 8 },
  focusRing: 'auto',
  variantColorResolver,
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Bengali", "Noto Sans Devanagari", sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // A badge's label truncates with an ellipsis, which lets a table squeeze "Concluded" to "CONCLU…".
    Badge: Badge.extend({ styles: { label: { overflow: 'visible', textOverflow: 'clip' } } }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
