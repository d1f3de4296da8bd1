import { DateInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { dayjsLocale, useLocale, useT, type Translate } from '../i18n';
import { parseDateText } from './dates';

/** The calendar's own buttons, named in the UI language (every date picker uses them). */
export function calendarLabels(t: Translate) {
  return {
    monthLevelControl: t('calendar.monthLevel'),
    yearLevelControl: t('calendar.yearLevel'),
    nextMonth: t('calendar.nextMonth'),
    previousMonth: t('calendar.previousMonth'),
    nextYear: t('calendar.nextYear'),
    previousYear: t('calendar.previousYear'),
    nextDecade: t('calendar.nextDecade'),
    previousDecade: t('calendar.previousDecade'),
  };
}

/**
 * A calendar date that can be typed (2020-08-03, 2020.8.3, 2020年8月3日) or picked; it shows as
 * 2020年8月3日 and reports 'YYYY-MM-DD', the form the core stores, or null when cleared.
 */
export function DateField({
  label,
  value,
  onChange,
  required,
  error,
  description,
  testId,
  minDate,
  maxDate,
  'data-autofocus': autofocus,
}: {
  label: string;
  /** 'YYYY-MM-DD'; null or '' when empty. */
  value: string | null;
  onChange: (value: string | null) => void;
  required?: boolean;
  error?: string | undefined;
  description?: string;
  testId?: string;
  minDate?: string | null | undefined;
  maxDate?: string | null | undefined;
  'data-autofocus'?: boolean;
}) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <DateInput
      label={label}
      value={value || null}
      onChange={onChange}
      required={required}
      error={error}
      description={description}
      placeholder={t('date.placeholder')}
      valueFormat={t('date.date')}
      dateParser={parseDateText}
      locale={dayjsLocale(locale)}
      leftSection={<IconCalendar size={16} stroke={1.6} />}
      clearable={!required}
      minDate={minDate || undefined}
      maxDate={maxDate || undefined}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      popoverProps={{ withinPortal: true }}
      ariaLabels={calendarLabels(t)}
      autoComplete="off"
      data-autofocus={autofocus}
      data-testid={testId}
    />
  );
}
