import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** A deep, restrained red: the accent of Party-organ documents, used sparingly. */
const xuncha: MantineColorsTuple = [
  '#fcf0f0',
  '#f3dede',
  '#e6b9b9',
  '#d99191',
  '#ce6f6f',
  '#c85959',
  '#c44d4d',
  '#ad3e3e',
  '#9b3535',
  '#882a2a',
];

export const fontFamily =
  '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", "Hiragino Sans GB", sans-serif';
export const monoFamily =
  'ui-monospace, "DejaVu Sans Mono", "Cascadia Mono", Consolas, "Liberation Mono", "Noto Sans Mono CJK SC", monospace';

export const theme = createTheme({
  primaryColor: 'xuncha',
  primaryShade: { light: 8, dark: 6 },
  colors: { xuncha },
  fontFamily,
  fontFamilyMonospace: monoFamily,
  headings: { fontFamily, fontWeight: '600' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { fw: 500 } },
    // Chinese has no case; English labels read better in sentence case too.
    Badge: { styles: { root: { textTransform: 'none' } } },
    Modal: { styles: { title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } } },
  },
});
