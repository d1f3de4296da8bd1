import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useT } from '../i18n';

/** Mantine's PasswordInput with the show/hide toggle labelled in the UI language. */
export function PasswordField(props: PasswordInputProps & { 'data-autofocus'?: boolean }) {
  const t = useT();
  return (
    <PasswordInput
      {...props}
      visibilityToggleButtonProps={{ 'aria-label': t('password.toggleVisibility') }}
    />
  );
}
