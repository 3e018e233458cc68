import { Alert, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundlePlan } from '../../../../shared/contract/channels/bundles';
import { ApiError, invoke } from '../../api/client';
import { Fingerprint } from '../keys/Fingerprint';
import { refreshColleagues } from '../keys/queries';

/**
 * Who signed the bundle, said plainly: me, a colleague whose key I hold, a key I do not know (which
 * I may add once I have compared its fingerprint with the sender by phone), or a name I know with a
 * key that is not the one I hold for it.
 */
export function SenderStanding({ plan, onTrusted }: { plan: BundlePlan; onTrusted: (standing: BundlePlan['standing']) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [compared, setCompared] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const s = plan.standing;
  const who = t('bundles.import.who', { name: plan.sender.name, organisation: plan.sender.organisation });
  const color = s.kind === 'known' || s.kind === 'self' ? 'teal' : s.kind === 'unknown' ? 'yellow' : 'red';
  const key = s.kind === 'name-mismatch' ? 'nameMismatch' : s.kind;

  const trust = async () => {
    setError(null);
    try {
      const added = await invoke('bundles.trustSender', { token: plan.token, fingerprint: plan.sender.fingerprint });
      refreshColleagues(queryClient);
      onTrusted(added.standing);
    } catch (e) {
      setError(t(`errors.${e instanceof ApiError ? e.code : 'INTERNAL'}`));
    }
  };

  return (
    <Alert color={color} data-testid="bundle-standing" data-standing={s.kind} title={t(`bundles.import.standingTitle.${key}`)}>
      <Stack gap={6}>
        <Text size="sm">{t(`bundles.import.standing.${key}`, { who, name: plan.sender.name })}</Text>
        <Text size="xs" c="dimmed">
          {t('bundles.import.fingerprintInBundle')}
        </Text>
        <Fingerprint value={plan.sender.fingerprint} size="sm" testId="bundle-sender-fingerprint" />
        {s.kind === 'name-mismatch' && (
          <>
            <Text size="xs" c="dimmed">
              {t('bundles.import.fingerprintHeld', { name: s.colleague.name, organisation: s.colleague.organisation })}
            </Text>
            <Fingerprint value={s.colleague.fingerprint} size="sm" testId="bundle-held-fingerprint" />
          </>
        )}
        {s.kind === 'unknown' && (
          <Group gap="sm" align="center">
            <Checkbox
              data-testid="bundle-trust-compared"
              size="xs"
              label={t('bundles.import.trustCompared', { name: plan.sender.name })}
              checked={compared}
              onChange={(e) => setCompared(e.currentTarget.checked)}
            />
            <Button size="xs" variant="light" data-testid="bundle-trust" disabled={!compared} onClick={() => void trust()}>
              {t('bundles.import.trust', { name: plan.sender.name })}
            </Button>
          </Group>
        )}
        {error && (
          <Text size="xs" c="red">
            {error}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
