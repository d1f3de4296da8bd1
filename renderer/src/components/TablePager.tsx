import { Group, Loader, Pagination, Select, Text } from '@mantine/core';
import { useLocale, useT } from '../i18n';

const pageSizes = [20, 50, 100];

/**
 * The footer of a server-paged table: the total, a spinner while the next page loads, the page
 * size and the pages. A total that is only a lower bound (a search that stopped counting) reads
 * "10,000+" unless the table words it itself with `lowerBoundLabel`.
 */
export function TablePager({
  page,
  pageSize,
  total,
  totalIsLowerBound = false,
  totalLabel,
  lowerBoundLabel,
  loading,
  onChange,
  testId,
}: {
  page: number;
  pageSize: number;
  /** undefined: nothing loaded yet (no total shown). */
  total: number | undefined;
  totalIsLowerBound?: boolean | undefined;
  /** The total as the table says it: "共 {total} 个". */
  totalLabel: (total: string) => string;
  /** For a lower-bound total: gets the number without the "+". */
  lowerBoundLabel?: (total: string) => string;
  loading: boolean;
  /** A new page size starts again at page 1. */
  onChange: (page: number, pageSize: number) => void;
  /** Prefix of the test ids: `${testId}-total`, `${testId}-pagination`. */
  testId: string;
}) {
  const t = useT();
  const [locale] = useLocale();
  const totalPages = total === undefined ? 1 : Math.max(1, Math.ceil(total / pageSize));
  let totalText = '';
  if (total !== undefined && !totalIsLowerBound) totalText = totalLabel(String(total));
  else if (total !== undefined) {
    const bound = total.toLocaleString(locale);
    totalText = lowerBoundLabel ? lowerBoundLabel(bound) : totalLabel(`${bound}+`);
  }

  return (
    <Group justify="space-between" p="md" gap="md" wrap="wrap">
      <Group gap="sm">
        <Text size="sm" c="dimmed" data-testid={`${testId}-total`} data-total={total ?? ''} data-lower-bound={totalIsLowerBound ? 'true' : 'false'}>
          {totalText}
        </Text>
        {loading && <Loader size="xs" />}
      </Group>
      <Group gap="md">
        <Select
          size="xs"
          w={120}
          aria-label={t('pager.pageSize', { size: pageSize })}
          value={String(pageSize)}
          data={pageSizes.map((size) => ({ value: String(size), label: t('pager.pageSize', { size }) }))}
          onChange={(value) => value && onChange(1, Number(value))}
          allowDeselect={false}
        />
        <Pagination
          total={totalPages}
          value={page}
          onChange={(next) => onChange(next, pageSize)}
          size="sm"
          withEdges
          getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
          getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
          data-testid={`${testId}-pagination`}
        />
      </Group>
    </Group>
  );
}
