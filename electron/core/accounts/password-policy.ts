import { AppError } from '../errors';

/**
 * At least 8 characters with both letters and digits (any script counts as letters, so a
 * Chinese passphrase with digits is accepted). The password opens the vault's key: there is
 * no server to rate-limit a stolen laptop, only scrypt and the length of the password.
 */
export function assertStrongPassword(password: string): void {
  const length = [...password].length;
  const hasLetter = /\p{L}/u.test(password);
  const hasDigit = /\p{Nd}/u.test(password);
  if (length < 8 || !hasLetter || !hasDigit) throw new AppError('WEAK_PASSWORD');
}
