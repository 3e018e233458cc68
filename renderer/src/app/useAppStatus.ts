import { useQuery } from '@tanstack/react-query';
import { invoke } from '../api/client';
import { currentLanguage, i18n, languageChoices, systemLanguage } from '../i18n';

export const APP_STATUS_KEY = ['app.status'] as const;

/**
 * The workspace state and the remembered language. The language is applied here, before the
 * status reaches any component, so the first screen is already in the right language.
 */
export function useAppStatus() {
  return useQuery({
    queryKey: APP_STATUS_KEY,
    queryFn: async () => {
      const choicesBefore = languageChoices();
      const status = await invoke('app.status', {});
      // The user switched while this was on its way (say, as the workspace locked): their pick
      // stands, and is being saved; this status predates it.
      if (languageChoices() !== choicesBefore) return { ...status, language: currentLanguage() };
      // A new workspace, or one from before the preferences file, has no language to say while
      // locked: keep the one on screen, so locking does not switch the language under the user.
      const language = status.language ?? (status.workspace.state === 'ready' ? systemLanguage() : currentLanguage());
      if (i18n.resolvedLanguage !== language) await i18n.changeLanguage(language);
      return status;
    },
    staleTime: Infinity,
  });
}
