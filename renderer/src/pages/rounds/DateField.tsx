import { DateInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useLocale, useT } from '../../i18n';
import { parseDateText } from './roundsFormat';

interface DateFieldProps {
  label: string;
  /** 'YYYY-MM-DD' or '' */
  value: string;
  onChange: (value: string) => void;
  description?: string;
  error?: string | undefined;
  required?: boolean;
  minDate?: string | undefined;
  'data-testid'?: string;
  'data-autofocus'?: boolean;
}

/**
 * A calendar date that can be typed (2020-08-03, 2020.8.3, 2020年8月3日) or picked; it shows as
 * 2020年8月3日 and reports 'YYYY-MM-DD', the form the core stores.
 */
export function DateField({ label, value, onChange, description, error, required, minDate, ...rest }: DateFieldProps) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <DateInput
      label={label}
      description={description}
      error={error}
      required={required}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      dateParser={parseDateText}
      valueFormat={t('date.date')}
      placeholder={t('rounds.date.placeholder')}
      locale={locale === 'zh-CN' ? 'zh-cn' : 'en'}
      leftSection={<IconCalendar size={16} stroke={1.6} />}
      clearable={!required}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      minDate={minDate || undefined}
      popoverProps={{ withinPortal: true }}
      ariaLabels={{
        monthLevelControl: t('calendar.monthLevel'),
        yearLevelControl: t('calendar.yearLevel'),
        nextMonth: t('calendar.nextMonth'),
        previousMonth: t('calendar.previousMonth'),
        nextYear: t('calendar.nextYear'),
        previousYear: t('calendar.previousYear'),
        nextDecade: t('calendar.nextDecade'),
        previousDecade: t('calendar.previousDecade'),
      }}
      autoComplete="off"
      {...rest}
    />
  );
}
