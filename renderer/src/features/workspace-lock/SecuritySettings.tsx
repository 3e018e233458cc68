import { Alert, Anchor, Button, Divider, Group, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceSecurity } from '../../../../shared/contract';
import { ApiError, invoke } from '../../api/client';
import { APP_STATUS_KEY } from '../../app/useAppStatus';
import { notifySuccess } from '../../ui/notify';
import { NewPassphraseFields, useNewPassphrase, type NewPassphrase } from './NewPassphraseFields';
import { SECURITY_KEY, useWorkspaceSecurity } from './queries';
import { RecoveryCode } from './RecoveryCode';

const IDLE_CHOICES = [5, 15, 30, 60, 120];

function ErrorLine({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" py="xs" data-testid="security-error">
      {t(`errors.${error instanceof ApiError ? error.code : 'INTERNAL'}`, { max: '' })}
    </Alert>
  );
}

function Section({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={4} size="h6">
        {title}
      </Title>
      {intro && (
        <Text size="xs" c="dimmed" lh={1.6}>
          {intro}
        </Text>
      )}
      {children}
    </Stack>
  );
}

/** Change passphrase, recovery code, idle lock, keychain — or, for a plain workspace, encrypt it. */
export function SecuritySettings({ encrypted, onClose }: { encrypted: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const security = useWorkspaceSecurity();
  return (
    <Stack gap="lg" data-testid="security-settings">
      <Text size="sm" c={encrypted ? undefined : 'orange.8'}>
        {encrypted ? t('workspaceLock.settings.encryptedStatus') : t('workspaceLock.settings.plainStatus')}
      </Text>
      {encrypted ? (
        <>
          <ChangePassphrase />
          <Divider />
          <ShowRecoveryCode />
          <Divider />
          {security.data && <IdleLock security={security.data} />}
          <Divider />
          {security.data && <KeychainChoice security={security.data} />}
        </>
      ) : (
        <EncryptExisting onDone={onClose} />
      )}
    </Stack>
  );
}

function ChangePassphrase() {
  const { t } = useTranslation();
  const [useRecovery, setUseRecovery] = useState(false);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<NewPassphrase>({ passphrase: '', confirm: '' });
  const { ready } = useNewPassphrase(next);
  const change = useMutation({
    mutationFn: () =>
      invoke('workspace.changePassphrase', { current: { kind: useRecovery ? 'recoveryCode' : 'passphrase', secret: current }, next: next.passphrase }),
    onSuccess: () => {
      setCurrent('');
      setNext({ passphrase: '', confirm: '' });
      notifySuccess((tt) => tt('workspaceLock.settings.changed'));
    },
  });
  return (
    <Section title={t('workspaceLock.settings.changeTitle')} intro={t('workspaceLock.settings.changeIntro')}>
      {useRecovery ? (
        <TextInput label={t('workspaceLock.unlock.recoveryCode')} value={current} onChange={(e) => setCurrent(e.currentTarget.value)} ff="monospace" />
      ) : (
        <PasswordInput label={t('workspaceLock.settings.current')} value={current} onChange={(e) => setCurrent(e.currentTarget.value)} data-testid="change-current" />
      )}
      <Anchor component="button" type="button" size="xs" ta="left" onClick={() => setUseRecovery(!useRecovery)}>
        {useRecovery ? t('workspaceLock.unlock.usePassphrase') : t('workspaceLock.settings.useRecoveryForCurrent')}
      </Anchor>
      <NewPassphraseFields
        value={next}
        onChange={setNext}
        labels={{ passphrase: t('workspaceLock.settings.next'), confirm: t('workspaceLock.settings.nextAgain') }}
        testId="change"
      />
      <ErrorLine error={change.error} />
      <Group justify="flex-end">
        <Button size="xs" disabled={!ready || !current} loading={change.isPending} onClick={() => change.mutate()} data-testid="change-submit">
          {t('workspaceLock.settings.changeSubmit')}
        </Button>
      </Group>
    </Section>
  );
}

function ShowRecoveryCode() {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const show = useMutation({ mutationFn: () => invoke('workspace.showRecoveryCode', { passphrase }), onSettled: () => setPassphrase('') });
  return (
    <Section title={t('workspaceLock.settings.showTitle')} intro={t('workspaceLock.settings.showIntro')}>
      {show.data ? (
        <RecoveryCode code={show.data.recoveryCode} />
      ) : (
        <>
          <Group align="flex-end" wrap="nowrap">
            <PasswordInput flex={1} label={t('workspaceLock.unlock.passphrase')} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} data-testid="show-passphrase" />
            <Button size="xs" mb={4} disabled={!passphrase} loading={show.isPending} onClick={() => show.mutate()} data-testid="show-submit">
              {t('workspaceLock.settings.showSubmit')}
            </Button>
          </Group>
          <ErrorLine error={show.error} />
        </>
      )}
    </Section>
  );
}

function IdleLock({ security }: { security: WorkspaceSecurity }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (minutes: number | null) => invoke('workspace.setIdleLock', { minutes }),
    onSuccess: (next) => queryClient.setQueryData(SECURITY_KEY, next),
  });
  const data = [
    { value: 'never', label: t('workspaceLock.settings.idleNever') },
    ...IDLE_CHOICES.map((m) => ({ value: String(m), label: t('workspaceLock.settings.idleMinutes', { count: m }) })),
  ];
  return (
    <Section title={t('workspaceLock.settings.idleTitle')} intro={t('workspaceLock.settings.idleIntro')}>
      <Select
        w={220}
        data={data}
        allowDeselect={false}
        value={security.idleLockMinutes === null ? 'never' : String(security.idleLockMinutes)}
        onChange={(value) => value && save.mutate(value === 'never' ? null : Number(value))}
        data-testid="idle-lock"
      />
      <ErrorLine error={save.error} />
    </Section>
  );
}

function KeychainChoice({ security }: { security: WorkspaceSecurity }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [passphrase, setPassphrase] = useState('');
  const set = useMutation({
    mutationFn: (enabled: boolean) => invoke('workspace.setKeychain', enabled ? { enabled, passphrase } : { enabled }),
    onSuccess: (next) => queryClient.setQueryData(SECURITY_KEY, next),
    onSettled: () => setPassphrase(''),
  });
  const reason = security.keychain.unprotectedReason;
  return (
    <Section title={t('workspaceLock.settings.keychainTitle')} intro={t('workspaceLock.settings.keychainIntro')}>
      {reason ? (
        <Text size="xs" c="dimmed" data-testid="keychain-unavailable" data-reason={reason}>
          {reason === 'plain-text' ? t('workspaceLock.settings.keychainPlainText') : t('workspaceLock.settings.keychainUnavailable')}
        </Text>
      ) : security.keychain.enabled ? (
        <Group justify="space-between">
          <Text size="xs">{t('workspaceLock.settings.keychainOn')}</Text>
          <Button size="xs" variant="default" loading={set.isPending} onClick={() => set.mutate(false)}>
            {t('workspaceLock.settings.keychainDisable')}
          </Button>
        </Group>
      ) : (
        <Group align="flex-end" wrap="nowrap">
          <PasswordInput flex={1} label={t('workspaceLock.unlock.passphrase')} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} />
          <Button size="xs" mb={4} disabled={!passphrase} loading={set.isPending} onClick={() => set.mutate(true)}>
            {t('workspaceLock.settings.keychainEnable')}
          </Button>
        </Group>
      )}
      <ErrorLine error={set.error} />
    </Section>
  );
}

function EncryptExisting({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [value, setValue] = useState<NewPassphrase>({ passphrase: '', confirm: '' });
  const { ready } = useNewPassphrase(value);
  const [written, setWritten] = useState(false);
  const encrypt = useMutation({ mutationFn: () => invoke('workspace.encryptExisting', { passphrase: value.passphrase }) });
  if (encrypt.data) {
    return (
      <Section title={t('workspaceLock.recovery.title')} intro={t('workspaceLock.recovery.intro')}>
        <RecoveryCode code={encrypt.data.recoveryCode} />
        <Group justify="space-between">
          <label>
            <input type="checkbox" checked={written} onChange={(e) => setWritten(e.currentTarget.checked)} data-testid="recovery-written" />{' '}
            <Text span size="sm">
              {t('workspaceLock.recovery.written')}
            </Text>
          </label>
          <Button
            size="xs"
            disabled={!written}
            onClick={() => {
              notifySuccess((tt) => tt('workspaceLock.settings.encrypted'));
              void queryClient.invalidateQueries({ queryKey: APP_STATUS_KEY });
              void queryClient.invalidateQueries({ queryKey: SECURITY_KEY });
              onDone();
            }}
            data-testid="recovery-continue"
          >
            {t('workspaceLock.recovery.continue')}
          </Button>
        </Group>
      </Section>
    );
  }
  return (
    <Section title={t('workspaceLock.settings.encryptTitle')} intro={t('workspaceLock.settings.encryptIntro')}>
      <NewPassphraseFields value={value} onChange={setValue} labels={{ passphrase: t('workspaceLock.create.passphrase'), confirm: t('workspaceLock.create.confirm') }} testId="encrypt" />
      <Text size="xs" c="dimmed">
        {t('workspaceLock.settings.encryptNote')}
      </Text>
      <ErrorLine error={encrypt.error} />
      <Group justify="flex-end">
        <Button size="xs" disabled={!ready} loading={encrypt.isPending} onClick={() => encrypt.mutate()} data-testid="encrypt-submit">
          {t('workspaceLock.settings.encryptSubmit')}
        </Button>
      </Group>
    </Section>
  );
}
