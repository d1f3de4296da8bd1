/**
 * A small form-state helper (no form library is installed): values, per-field error keys that
 * are translated at render time (so a language switch re-translates them), and input props.
 */
import { useCallback, useState, type ChangeEvent } from 'react';
import type { MessageKey, Translate } from '../i18n';

export interface FieldError {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

export type Validator<T> = (values: T) => Partial<Record<keyof T, FieldError | null | undefined>>;

export function useForm<T extends Record<string, string>>(initial: T, validate: Validator<T>) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof T, FieldError>>>({});

  const setField = useCallback(<K extends keyof T>(name: K, value: T[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors((current) => {
      if (!current[name]) return current;
      const next = { ...current };
      delete next[name];
      return next;
    });
  }, []);

  /** Validates every field; returns true when the form may be submitted. */
  const validateAll = useCallback((): boolean => {
    const found = validate(values);
    const next: Partial<Record<keyof T, FieldError>> = {};
    for (const [name, error] of Object.entries(found) as [keyof T, FieldError | null | undefined][]) {
      if (error) next[name] = error;
    }
    setErrors(next);
    return Object.keys(next).length === 0;
  }, [validate, values]);

  const reset = useCallback(() => {
    setValues(initial);
    setErrors({});
  }, [initial]);

  const props = useCallback(
    (name: keyof T & string, t: Translate) => {
      const error = errors[name];
      return {
        name,
        value: values[name],
        onChange: (event: ChangeEvent<HTMLInputElement>) => setField(name, event.currentTarget.value as T[typeof name]),
        error: error ? t(error.key, error.vars) : undefined,
      };
    },
    [errors, values, setField],
  );

  return { values, errors, setField, setValues, validateAll, reset, props };
}

// ---- shared validation rules (the core re-checks everything) ------------------------------------

export const USERNAME_PATTERN = /^[A-Za-z0-9_.\-\u4e00-\u9fff]+$/;

export function required(value: string): FieldError | null {
  return value.trim() ? null : { key: 'validation.required' };
}

export function usernameRule(value: string): FieldError | null {
  const trimmed = value.trim();
  if (!trimmed) return { key: 'validation.required' };
  if (trimmed.length < 2 || trimmed.length > 32 || !USERNAME_PATTERN.test(trimmed)) return { key: 'validation.username' };
  return null;
}

export function maxLength(value: string, max: number): FieldError | null {
  if (!value.trim()) return { key: 'validation.required' };
  return value.trim().length > max ? { key: 'validation.tooLong', vars: { max } } : null;
}

export interface PasswordChecks {
  length: boolean;
  letter: boolean;
  digit: boolean;
  long: boolean;
  symbol: boolean;
}

export function passwordChecks(password: string): PasswordChecks {
  // The same rule the core applies (any script counts as letters; length in code points).
  const length = [...password].length;
  return {
    length: length >= 8,
    letter: /\p{L}/u.test(password),
    digit: /\p{Nd}/u.test(password),
    long: length >= 12,
    symbol: /[^\p{L}\p{Nd}]/u.test(password) || (/[a-z]/.test(password) && /[A-Z]/.test(password)),
  };
}

export type PasswordStrength = 'empty' | 'weak' | 'fair' | 'strong';

export function passwordStrength(password: string): PasswordStrength {
  if (!password) return 'empty';
  const checks = passwordChecks(password);
  if (!checks.length || !checks.letter || !checks.digit) return 'weak';
  return checks.long && checks.symbol ? 'strong' : 'fair';
}

export function newPasswordRule(value: string): FieldError | null {
  if (!value) return { key: 'validation.required' };
  return passwordStrength(value) === 'weak' ? { key: 'validation.passwordWeak' } : null;
}

export function confirmRule(password: string, confirm: string): FieldError | null {
  if (!confirm) return { key: 'validation.required' };
  return password === confirm ? null : { key: 'validation.passwordMismatch' };
}
