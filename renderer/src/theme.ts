import {
  ActionIcon,
  Badge,
  Button,
  createTheme,
  Modal,
  MultiSelect,
  SegmentedControl,
  Select,
  Table,
  Tabs,
  Textarea,
  TextInput,
  Tooltip,
  type MantineColorsTuple,
} from '@mantine/core';

// A muted slate blue: calm next to the red and orange that must stand out (errors, closed cases).
const slate: MantineColorsTuple = [
  '#f1f4f9',
  '#e1e6ef',
  '#c0cadc',
  '#9cadc9',
  '#7d94b8',
  '#6984ae',
  '#5e7caa',
  '#4e6a95',
  '#445e86',
  '#375177',
];

export const theme = createTheme({
  fontFamily: "system-ui, -apple-system, 'Segoe UI', 'Noto Sans JP', 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic UI', Meiryo, sans-serif",
  headings: { fontFamily: "system-ui, -apple-system, 'Segoe UI', 'Noto Sans JP', 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic UI', Meiryo, sans-serif" },
  colors: { slate },
  primaryColor: 'slate',
  primaryShade: 8,
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    Button: Button.extend({ defaultProps: { size: 'xs' } }),
    ActionIcon: ActionIcon.extend({ defaultProps: { size: 'sm', variant: 'subtle', color: 'gray' } }),
    TextInput: TextInput.extend({ defaultProps: { size: 'sm' } }),
    Textarea: Textarea.extend({ defaultProps: { size: 'sm' } }),
    Select: Select.extend({ defaultProps: { size: 'sm', comboboxProps: { shadow: 'md' } } }),
    MultiSelect: MultiSelect.extend({ defaultProps: { size: 'xs', comboboxProps: { shadow: 'md' } } }),
    SegmentedControl: SegmentedControl.extend({ defaultProps: { size: 'xs' } }),
    // Uppercase labels shout and do not exist in Japanese; keep both languages in sentence case.
    Badge: Badge.extend({ defaultProps: { size: 'sm', variant: 'light', radius: 'sm', tt: 'none', fw: 600 } }),
    Table: Table.extend({ defaultProps: { fz: 'sm', verticalSpacing: 6, horizontalSpacing: 'sm' } }),
    Tabs: Tabs.extend({ defaultProps: { keepMounted: false } }),
    Modal: Modal.extend({ defaultProps: { size: 'lg', centered: false } }),
    Tooltip: Tooltip.extend({ defaultProps: { openDelay: 400, withArrow: true } }),
  },
});
