import { Alert, Button, Center, CopyButton, Group, Image, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { Fingerprint } from './Fingerprint';
import { useOwnKey } from './queries';
import { useQrCode } from './useQrCode';

/** My public card: as text to copy into e-mail or chat, as a QR code, and my fingerprint to read aloud. */
export function OwnKeyPanel() {
  const { t } = useTranslation();
  const own = useOwnKey();
  const qr = useQrCode(own.data?.text);

  let body;
  if (own.isPending) {
    body = (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  } else if (own.isError) {
    body = (
      <Alert color="red" variant="light" title={t('keys.own.failed')}>
        {t(`errors.${own.error instanceof ApiError ? own.error.code : 'INTERNAL'}`, { max: '' })}
      </Alert>
    );
  } else {
    const { card, text, fingerprint } = own.data;
    body = (
      <Group align="flex-start" gap="lg" wrap="nowrap">
        <Stack gap={4} align="center" style={{ flexShrink: 0 }}>
          {qr ? (
            <Image src={qr} w={216} h={216} alt={t('keys.own.qr')} data-testid="own-key-qr" />
          ) : (
            <Center w={216} h={216}>
              <Loader size="xs" />
            </Center>
          )}
          <Text size="xs" c="dimmed">
            {t('keys.own.qr')}
          </Text>
        </Stack>
        <Stack gap="sm" flex={1} miw={0}>
          <div>
            <Text fw={600} data-testid="own-key-name">
              {card.name}
            </Text>
            {card.organisation && (
              <Text size="sm" c="dimmed">
                {card.organisation}
              </Text>
            )}
          </div>
          <Textarea
            label={t('keys.own.text')}
            value={text}
            readOnly
            autosize
            minRows={3}
            maxRows={5}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12, wordBreak: 'break-all' } }}
            onFocus={(e) => e.currentTarget.select()}
            data-testid="own-key-text"
          />
          <Group>
            <CopyButton value={text}>
              {({ copied, copy }) => (
                <Button
                  size="xs"
                  variant={copied ? 'light' : 'default'}
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                  onClick={copy}
                  data-testid="own-key-copy"
                >
                  {copied ? t('keys.own.copied') : t('keys.own.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <div>
            <Text size="sm" fw={600} mb={4}>
              {t('keys.own.fingerprint')}
            </Text>
            <Fingerprint value={fingerprint} testId="own-fingerprint" />
            <Text size="xs" c="dimmed" mt={6}>
              {t('keys.own.fingerprintHint')}
            </Text>
          </div>
        </Stack>
      </Group>
    );
  }

  return (
    <Paper withBorder p="md" radius="md" data-testid="own-key">
      <Stack gap="sm">
        <Title order={5}>{t('keys.own.title')}</Title>
        <Text size="sm" c="dimmed" lh={1.6}>
          {t('keys.own.intro')}
        </Text>
        {body}
      </Stack>
    </Paper>
  );
}
