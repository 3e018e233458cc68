import { Group, List, Progress, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PassphraseStrength } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { en } from '../../i18n/en';

const COLORS = ['red', 'red', 'orange', 'teal', 'green'] as const;
type FeedbackKey = keyof typeof en.workspaceLock.feedback;
const isFeedbackKey = (key: string): key is FeedbackKey => key in en.workspaceLock.feedback;

/**
 * Strength as main scores it (zxcvbn, the same check that refuses a weak passphrase), asked as the
 * user types. The query is never cached past the screen: its key holds the passphrase, so gcTime 0.
 */
export function usePassphraseStrength(passphrase: string): PassphraseStrength | undefined {
  const [debounced] = useDebouncedValue(passphrase, 150);
  const query = useQuery({
    queryKey: ['workspace.passphraseStrength', debounced],
    queryFn: () => invoke('workspace.passphraseStrength', { passphrase: debounced }),
    enabled: debounced.length > 0,
    gcTime: 0,
    placeholderData: keepPreviousData,
  });
  return passphrase.length === 0 ? undefined : query.data;
}

export function StrengthMeter({ strength }: { strength: PassphraseStrength | undefined }) {
  const { t } = useTranslation();
  const score = strength?.score ?? 0;
  const hints = strength ? [strength.warning, ...strength.suggestions].filter((k): k is FeedbackKey => !!k && isFeedbackKey(k)) : [];
  return (
    <Stack gap={4} data-testid="strength-meter" data-score={strength ? score : ''}>
      <Progress value={strength ? ((score + 1) / 5) * 100 : 0} color={COLORS[score]} size="sm" aria-hidden />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t('workspaceLock.strength.label')}
        </Text>
        {strength && (
          <Text size="xs" fw={600} c={COLORS[score]}>
            {t(`workspaceLock.strength.level${score as 0 | 1 | 2 | 3 | 4}`)}
          </Text>
        )}
      </Group>
      {strength && !strength.acceptable && (
        <Text size="xs" c="orange.8">
          {t('workspaceLock.strength.tooWeak')}
        </Text>
      )}
      {hints.length > 0 && (
        <List size="xs" c="dimmed" spacing={2}>
          {hints.map((key) => (
            <List.Item key={key}>{t(`workspaceLock.feedback.${key}`)}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
