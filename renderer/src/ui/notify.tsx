import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** A message written against `t`, so a toast still on screen follows a language switch. */
type Message = (t: TFunction) => string;

function Live({ message }: { message: Message }) {
  const { t } = useTranslation();
  return message(t);
}

export function notifySuccess(message: Message): void {
  notifications.show({ color: 'teal', message: <Live message={message} /> });
}

/** A failed call as a toast in the user's language; anything unexpected also goes to the console. */
export function notifyFailure(error: unknown): void {
  const code = error instanceof ApiError ? error.code : 'INTERNAL';
  if (!(error instanceof ApiError)) console.error(error);
  notifications.show({
    color: 'red',
    title: <Live message={(t) => t('form.saveFailed')} />,
    message: <Live message={(t) => t(`errors.${code}`)} />,
    autoClose: 8000,
  });
}
