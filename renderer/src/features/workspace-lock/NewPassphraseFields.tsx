import { PasswordInput, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StrengthMeter, usePassphraseStrength } from './StrengthMeter';

export interface NewPassphrase {
  passphrase: string;
  confirm: string;
}

/** A new passphrase, typed twice, with its strength shown live. `ready` when it may be submitted. */
export function useNewPassphrase(value: NewPassphrase) {
  const strength = usePassphraseStrength(value.passphrase);
  const matches = value.confirm.length > 0 && value.confirm === value.passphrase;
  return { strength, ready: Boolean(strength?.acceptable) && matches, mismatch: value.confirm.length > 0 && !matches };
}

interface Props {
  value: NewPassphrase;
  onChange: (value: NewPassphrase) => void;
  labels: { passphrase: string; confirm: string };
  testId: string;
  autoFocus?: boolean;
}

export function NewPassphraseFields({ value, onChange, labels, testId, autoFocus }: Props) {
  const { t } = useTranslation();
  const { strength, mismatch } = useNewPassphrase(value);
  return (
    <Stack gap="xs">
      <PasswordInput
        label={labels.passphrase}
        description={t('workspaceLock.create.passphraseHint')}
        value={value.passphrase}
        onChange={(e) => onChange({ ...value, passphrase: e.currentTarget.value })}
        data-testid={`${testId}-passphrase`}
        data-autofocus={autoFocus}
        autoComplete="new-password"
      />
      <StrengthMeter strength={strength} />
      <PasswordInput
        label={labels.confirm}
        value={value.confirm}
        onChange={(e) => onChange({ ...value, confirm: e.currentTarget.value })}
        error={mismatch ? t('workspaceLock.create.mismatch') : undefined}
        data-testid={`${testId}-confirm`}
        autoComplete="new-password"
      />
    </Stack>
  );
}
