import { SimpleGrid, type PasswordInputProps } from '@mantine/core';
import { PasswordField } from './PasswordField';
import { PasswordStrengthMeter } from './PasswordStrengthMeter';

type FieldProps = PasswordInputProps & { value: string; 'data-autofocus'?: boolean };

/**
 * A new password (and, where it is typed twice, its confirmation) with the strength hint under
 * them. Browsers are told it is a new password, so they offer to generate one, never to fill in
 * the old one.
 */
export function NewPasswordFields({ password, confirm, columns = 1 }: { password: FieldProps; confirm?: FieldProps; columns?: 1 | 2 }) {
  const fields = (
    <>
      <PasswordField required autoComplete="new-password" {...password} />
      {confirm && <PasswordField required autoComplete="new-password" {...confirm} />}
    </>
  );
  return (
    <>
      {columns === 2 ? <SimpleGrid cols={{ base: 1, sm: 2 }}>{fields}</SimpleGrid> : fields}
      <PasswordStrengthMeter password={password.value} />
    </>
  );
}
