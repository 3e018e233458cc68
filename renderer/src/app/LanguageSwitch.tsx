import { SegmentedControl } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract';
import { invoke } from '../api/client';
import { chooseLanguage, isLanguage } from '../i18n';
import { useLanguage } from '../i18n/useLanguage';
import { APP_STATUS_KEY } from './useAppStatus';

/** Switches the whole UI at once, then asks the backend to remember the choice for the next start. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const remember = useMutation({
    mutationFn: (next: 'ja' | 'en') => invoke('settings.setLanguage', { language: next }),
    // Update the cached status rather than refetch it: a refetch racing a second switch would undo it.
    onSuccess: ({ language: saved }) =>
      queryClient.setQueryData<ChannelOutput<'app.status'>>(APP_STATUS_KEY, (status) =>
        status ? { ...status, language: saved } : status,
      ),
    onError: () => notifications.show({ color: 'orange', message: t('language.saveFailed') }),
  });

  return (
    <SegmentedControl
      data-testid="language-switch"
      aria-label={t('language.label')}
      value={language}
      onChange={(value) => {
        if (!isLanguage(value) || value === language) return;
        void chooseLanguage(value);
        remember.mutate(value);
      }}
      data={[
        { value: 'ja', label: t('language.ja') },
        { value: 'en', label: t('language.en') },
      ]}
      size="xs"
      color="slate.6"
      styles={{ root: { background: 'var(--mantine-color-slate-8)' }, label: { color: 'white' } }}
    />
  );
}
