import { notifications } from '@mantine/notifications';
import type { AppErrorShape } from '../../../shared/result';
import { errorText, type Translate } from '../i18n';

export function notifyError(t: Translate, error: AppErrorShape): void {
  notifications.show({
    color: 'red',
    title: t('common.errorTitle'),
    message: errorText(t, error),
    autoClose: 8000,
    withBorder: true,
  });
}

export function notifySuccess(t: Translate, message: string): void {
  notifications.show({ color: 'teal', title: t('common.successTitle'), message, autoClose: 4000, withBorder: true });
}
