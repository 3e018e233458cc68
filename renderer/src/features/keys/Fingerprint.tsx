import { Box } from '@mantine/core';

/**
 * A fingerprint laid out to be read aloud: its 12 groups of 5 digits in rows of four, in a
 * fixed-width face so that a digit never hides in a line break. Bundle import shows it the same way.
 */
export function Fingerprint({ value, size = 'md', testId }: { value: string; size?: 'sm' | 'md'; testId?: string }) {
  const groups = value.split(' ');
  return (
    <Box
      data-testid={testId}
      data-fingerprint={value}
      ff="monospace"
      fz={size === 'md' ? 'md' : 'xs'}
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(4, max-content)',
        columnGap: size === 'md' ? '1.1em' : '0.8em',
        rowGap: 2,
        fontVariantNumeric: 'tabular-nums',
        letterSpacing: '0.04em',
      }}
    >
      {groups.map((group, i) => (
        <span key={i}>{group}</span>
      ))}
    </Box>
  );
}
