import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { AppErrorShape } from '../../../shared/result';
import { errorMessages, type ErrorCode } from '../../../shared/errors';
import { defaultLocale, format, isLocale, isMessageKey, type Locale, type MessageKey } from './messages';

export type { Locale, MessageKey } from './messages';
export { locales } from './messages';

const STORAGE_KEY = 'xuncha.locale';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18nContextValue {
  locale: Locale;
  /** Changes the UI language now and remembers it on this machine (localStorage). */
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18nContextValue | null>(null);

export function dayjsLocale(locale: Locale): string {
  return locale === 'zh-CN' ? 'zh-cn' : 'en';
}

function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // localStorage can be unavailable (opaque origin); the default is fine.
  }
  return defaultLocale;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);

  useEffect(() => {
    dayjs.locale(dayjsLocale(locale));
    document.documentElement.lang = locale;
    document.title = format(locale, 'app.name');
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // ignore: the choice still applies to this window
    }
  }, []);

  const value = useMemo<I18nContextValue>(
    () => ({ locale, setLocale, t: (key, vars) => format(locale, key, vars) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT must be used inside <I18nProvider>');
  return value;
}

/** The translate function for the current UI language. */
export function useT(): Translate {
  return useI18n().t;
}

export function useLocale(): [Locale, (locale: Locale) => void] {
  const { locale, setLocale } = useI18n();
  return [locale, setLocale];
}

/** The translated message for an error from the core, by its code. */
export function errorText(t: Translate, error: Pick<AppErrorShape, 'code' | 'message'>): string {
  const key = `error.${error.code}`;
  if (isMessageKey(key)) return t(key);
  // An unknown code (a newer core): show the core's own Chinese text.
  return error.message || errorMessages.INTERNAL;
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.prototype.hasOwnProperty.call(errorMessages, value);
}

/** Dates as the UI shows them: 2026年11月26日 14:05 in Chinese. */
export function useFormatDate() {
  const { locale, t } = useI18n();
  return useCallback(
    (value: string | Date | null | undefined, style: 'dateTime' | 'dateTimeSeconds' | 'date' = 'dateTime') => {
      if (!value) return '';
      const date = dayjs(value);
      if (!date.isValid()) return String(value);
      return date.locale(dayjsLocale(locale)).format(t(`date.${style}`));
    },
    [locale, t],
  );
}
