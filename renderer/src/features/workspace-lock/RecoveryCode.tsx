import { Button, CopyButton, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import './recovery-print.css';

/**
 * The recovery code in its 8 groups, large and monospaced so it can be copied by hand, with a
 * print-friendly sheet (the browser's own print dialog: nothing leaves the machine through us).
 */
export function RecoveryCode({ code }: { code: string }) {
  const { t } = useTranslation();
  const groups = code.split('-');
  return (
    <>
      <Paper withBorder p="md" bg="gray.0" data-testid="recovery-code" data-code={code}>
        <SimpleGrid cols={4} spacing="xs" verticalSpacing={4}>
          {groups.map((group, i) => (
            <Text key={i} ff="monospace" fz="lg" fw={600} ta="center" style={{ letterSpacing: '0.08em' }}>
              {group}
            </Text>
          ))}
        </SimpleGrid>
      </Paper>
      <Group gap="xs">
        <Button variant="default" size="xs" leftSection={<IconPrinter size={14} aria-hidden />} onClick={() => window.print()}>
          {t('workspaceLock.recovery.print')}
        </Button>
        <CopyButton value={code}>
          {({ copied, copy }) => (
            <Button variant="subtle" size="xs" onClick={copy}>
              {copied ? t('workspaceLock.recovery.copied') : t('workspaceLock.recovery.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      {createPortal(
        <div className="recovery-print-sheet">
          <h1>{t('workspaceLock.recovery.printTitle')}</h1>
          <div className="code">{groups.join('  ')}</div>
          <p>{t('workspaceLock.recovery.printNote')}</p>
        </div>,
        document.body,
      )}
    </>
  );
}
