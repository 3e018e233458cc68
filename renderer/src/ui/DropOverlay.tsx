import { Box, Group, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';

/** What a drop zone (useFileDrop) shows while files hover over it; the parent is position: relative. */
export function DropOverlay({ label }: { label: string }) {
  return (
    <Box
      pos="absolute"
      inset={0}
      style={{
        zIndex: 5,
        pointerEvents: 'none',
        border: '2px dashed var(--mantine-color-slate-6)',
        background: 'rgba(241, 244, 249, 0.85)',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
      }}
    >
      <Group gap="xs">
        <IconUpload size={22} />
        <Text fw={600}>{label}</Text>
      </Group>
    </Box>
  );
}
