import { DateInput } from '@mantine/dates';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useLocale, useT } from '../i18n';

dayjs.extend(customParseFormat);

/** What people type: 2020-04-20, 2020/4/20, 2020.4.20, 20200420 or 2020年4月20日. */
const FORMATS = ['YYYY-MM-DD', 'YYYY-M-D', 'YYYY/M/D', 'YYYY.M.D', 'YYYYMMDD', 'YYYY年M月D日'];

export function parseDateText(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  for (const format of FORMATS) {
    const parsed = dayjs(trimmed, format, true);
    if (parsed.isValid()) return parsed.format('YYYY-MM-DD');
  }
  return null;
}

/** A date typed or picked, held as 'YYYY-MM-DD' (what the core expects), shown as 2020年4月20日. */
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
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  required?: boolean;
  error?: string | undefined;
  description?: string;
  testId?: string;
  minDate?: string | undefined;
  maxDate?: string | undefined;
}) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <DateInput
      label={label}
      value={value}
      onChange={onChange}
      required={required}
      error={error}
      description={description}
      placeholder={t('date.placeholder')}
      valueFormat={t('date.date')}
      dateParser={(text) => parseDateText(text)}
      locale={locale === 'zh-CN' ? 'zh-cn' : 'en'}
      clearable={!required}
      minDate={minDate}
      maxDate={maxDate}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
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
      data-testid={testId}
    />
  );
}
