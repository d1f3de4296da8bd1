import { Alert, Button, Group, List, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { MAX_COPIES, type PrintResult } from '../../../../shared/contract';
import { fontRoleNames, numberedClassifications, type Classification } from '../../../../shared/documents';
import type { IpcResult } from '../../../../shared/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useChannel } from '../../components/useChannel';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';
import { copyRange, savePdf } from './files';
import { ClassificationBadge } from './labels';

/**
 * 印制 / 保存 PDF: asks the number of copies (1–500; each copy of a 秘密 or 机密 document gets its
 * own 份号, handed out by the core only when printing, so they are shown afterwards), warns
 * before printing when open fonts stand in for the official ones, and saves the PDF.
 */
export function PrintDialog({
  title,
  classification,
  classificationPeriod,
  onPrint,
  onClose,
  onPrinted,
}: {
  title: string;
  classification: Classification;
  classificationPeriod?: string;
  onPrint: (copies: number) => Promise<IpcResult<PrintResult>>;
  onClose: () => void;
  onPrinted?: (result: PrintResult) => void;
}) {
  const t = useT();
  const numbered = numberedClassifications.includes(classification);
  const [copies, setCopies] = useState<number | string>(numbered ? 1 : 1);
  const [copiesError, setCopiesError] = useState<string | null>(null);
  const [result, setResult] = useState<PrintResult | null>(null);
  const fonts = useChannel('documents.fonts', {});
  const { busy, error, run } = useSubmit();
  const substitutes = fonts.data?.fonts.filter((font) => font.substitute) ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const count = typeof copies === 'number' ? copies : Number(copies);
    if (!Number.isInteger(count) || count < 1 || count > MAX_COPIES) {
      setCopiesError(t('documents.print.copiesRange', { max: MAX_COPIES }));
      return;
    }
    setCopiesError(null);
    await run(
      () => onPrint(count),
      (printed) => {
        setResult(printed);
        savePdf(printed);
        onPrinted?.(printed);
      },
    );
  };

  return (
    <Modal opened onClose={() => !busy && onClose()} title={t('documents.print.title')} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md" data-testid="print-dialog">
        <Group gap="xs">
          <ClassificationBadge classification={classification} period={classificationPeriod} />
          <Text size="sm" fw={500} style={{ flex: 1 }} lineClamp={2}>
            {title}
          </Text>
        </Group>
        {substitutes.length > 0 && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={t('documents.fonts.noticeTitle')} data-testid="print-font-notice">
            <Text size="sm">{t('documents.fonts.notice')}</Text>
            <List size="sm" mt={4}>
              {substitutes.map((font) => (
                <List.Item key={font.role}>{t('documents.fonts.noticeLine', { role: fontRoleNames[font.role], family: font.family })}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {result ? (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title={t('documents.print.done')} data-testid="print-result">
            <Stack gap={4}>
              {result.copyNumbers.length > 0 ? (
                <Text size="sm" fw={600} data-testid="print-copy-numbers">
                  {t('documents.print.assigned', { range: copyRange(result.copyNumbers[0], result.copyNumbers.at(-1)) })}
                </Text>
              ) : (
                <Text size="sm">{t('documents.print.unnumbered', { copies: result.copies })}</Text>
              )}
              <Text size="sm">{t('documents.print.pages', { pages: result.pages, total: result.totalPages, file: result.fileName })}</Text>
              {result.watermark && <Text size="sm">{t('documents.print.watermark', { text: result.watermark })}</Text>}
            </Stack>
          </Alert>
        ) : (
          <form onSubmit={(event) => void submit(event)} noValidate data-testid="print-form">
            <Stack gap="sm">
              <NumberInput
                label={t('documents.print.copies')}
                description={numbered ? t('documents.print.copiesNumbered', { max: MAX_COPIES }) : t('documents.print.copiesPlain')}
                value={copies}
                onChange={setCopies}
                min={1}
                max={MAX_COPIES}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                error={copiesError}
                required
                data-autofocus
                data-testid="print-copies"
              />
              <ErrorAlert error={error} coreDetail />
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose} disabled={busy}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={busy} leftSection={<IconDownload size={16} />} data-testid="print-submit">
                  {t('documents.print.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {result && (
          <Group justify="flex-end">
            <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => savePdf(result)} data-testid="print-save-again">
              {t('documents.print.saveAgain')}
            </Button>
            <Button onClick={onClose} data-autofocus data-testid="print-close">
              {t('common.close')}
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
