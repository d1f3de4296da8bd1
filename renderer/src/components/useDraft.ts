/**
 * The values of a dialog's form and one error (a message key) per field. Changing a field clears
 * its error; errors are translated when shown, so a language switch re-translates them.
 */
import { useCallback, useState } from 'react';
import { useT, type MessageKey } from '../i18n';

export type DraftErrors<Draft> = Partial<Record<keyof Draft, MessageKey>>;

export function useDraft<Draft extends object>(initial: () => Draft) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<DraftErrors<Draft>>({});

  /** Sets one field and clears its error; `also` changes fields that follow from it (a new round clears the inspection). */
  const set = useCallback(<K extends keyof Draft>(name: K, value: Draft[K], also?: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...also, [name]: value }));
    setErrors((current) => ({ ...current, [name]: undefined }));
  }, []);

  /** The translated error of a field, for an input's `error`. */
  const error = (name: keyof Draft): string | undefined => {
    const key = errors[name];
    return key ? t(key) : undefined;
  };

  /** Shows `found` and tells whether the draft may be sent. */
  const check = (found: DraftErrors<Draft>): boolean => {
    setErrors(found);
    return !Object.values(found).some(Boolean);
  };

  return { draft, setDraft, set, error, check };
}
