import { DateInput } from '@mantine/dates';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useLocale, useT } from '../../i18n';

dayjs.extend(customParseFormat);

/** What people type: 2019-06-01, 2019/6/1, 2019.6.1, 20190601 or 2019年6月1日. */
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

/** A date typed or picked, held as 'YYYY-MM-DD' (what the core expects). */
export function DateField({
  label,
  value,
  onChange,
  required,
  error,
  description,
  testId,
  maxDate,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  required?: boolean;
  error?: string;
  description?: string;
  testId?: string;
  maxDate?: string;
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
      placeholder={t('registry.date.placeholder')}
      valueFormat={t('date.date')}
      dateParser={(text) => parseDateText(text)}
      locale={locale === 'zh-CN' ? 'zh-cn' : 'en'}
      clearable={!required}
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
