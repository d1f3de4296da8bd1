import { SegmentedControl } from '@mantine/core';
import { roleMay } from '../../../shared/roles';
import { invoke } from '../api/client';
import { locales, useLocale, useT } from '../i18n';
import { isLocale } from '../i18n/messages';
import { useStatus } from '../state/status';
import { notifyError } from './notify';

/**
 * 中文 / English. Signed in with settings.manage, the choice is saved as the office setting
 * (settings.update); otherwise it is remembered on this machine only (localStorage).
 */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const t = useT();
  const [locale, setLocale] = useLocale();
  const { status, refresh } = useStatus();

  const change = async (value: string) => {
    if (!isLocale(value) || value === locale) return;
    setLocale(value);
    if (status?.state === 'active' && roleMay(status.user.role, 'settings.manage')) {
      const result = await invoke('settings.update', { locale: value });
      if (!result.ok) notifyError(t, result.error);
      else void refresh();
    }
  };

  return (
    <SegmentedControl
      size={size}
      value={locale}
      onChange={(value) => void change(value)}
      aria-label={t('shell.language')}
      data-testid="language-switch"
      data={locales.map((value) => ({ value, label: t(`locale.${value}`) }))}
    />
  );
}
