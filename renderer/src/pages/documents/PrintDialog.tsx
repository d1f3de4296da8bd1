import { Alert, Button, Group, List, Modal, NumberInput, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconPrinter } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { MAX_COPIES, type PrintPurpose, type PrintResult } from '../../../../shared/contract';
import { fontRoleNames, numberedClassifications, type Classification } from '../../../../shared/documents';
import type { IpcResult } from '../../../../shared/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePrintPdf, type PrintPhase } from '../../components/pdf/usePrintPdf';
import { useChannel } from '../../components/useChannel';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';
import { base64ToBytes } from '../../api/files';
import { copyRange, savePdf } from './files';
import { ClassificationBadge } from './labels';

/**
 * 印制 / 保存 PDF: asks the number of copies (1–500; each copy of a 秘密 or 机密 document gets its
 * own 份号, handed out by the core only when printing, so they are shown afterwards), warns
 * before printing when open fonts stand in for the official ones, then either prints through the
 * system dialog or saves the PDF. The choice is made before the core is called so that the print
 * register records how the copies left the office (打印 or 保存 PDF).
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
  onPrint: (copies: number, purpose: PrintPurpose) => Promise<IpcResult<PrintResult>>;
  onClose: () => void;
  onPrinted?: (result: PrintResult) => void;
}) {
  const t = useT();
  const numbered = numberedClassifications.includes(classification);
  const [copies, setCopies] = useState<number | string>(numbered ? 1 : 1);
  const [copiesError, setCopiesError] = useState<string | null>(null);
  const [result, setResult] = useState<{ printed: PrintResult; purpose: PrintPurpose } | null>(null);
  const printing = usePrintPdf();
  const fonts = useChannel('documents.fonts', {});
  const { busy, error, run } = useSubmit();
  const substitutes = fonts.data?.fonts.filter((font) => font.substitute) ?? [];

  /** Classified PDFs hold every numbered copy; an unclassified one holds one copy, printed as often as registered. */
  const sendToPrinter = (printed: PrintResult) =>
    void printing.start(base64ToBytes(printed.base64), printed.copyNumbers.length > 0 ? 1 : printed.copies);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || printing.active) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const purpose: PrintPurpose = submitter?.getAttribute('data-purpose') === 'print' ? 'print' : 'pdf';
    const count = typeof copies === 'number' ? copies : Number(copies);
    if (!Number.isInteger(count) || count < 1 || count > MAX_COPIES) {
      setCopiesError(t('documents.print.copiesRange', { max: MAX_COPIES }));
      return;
    }
    setCopiesError(null);
    await run(
      () => onPrint(count, purpose),
      (printed) => {
        setResult({ printed, purpose });
        if (purpose === 'print') sendToPrinter(printed);
        else savePdf(printed);
        onPrinted?.(printed);
      },
    );
  };

  const close = () => {
    if (busy) return;
    printing.cancel();
    onClose();
  };

  return (
    <Modal opened onClose={close} title={t('documents.print.title')} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
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
        {result && <PrintOutcome result={result.printed} purpose={result.purpose} phase={printing.state.phase} />}
        {printing.preparing && (
          <Stack gap={6} data-testid="print-progress">
            <Text size="sm">
              {printing.state.total > 0 ? t('documents.print.preparing', { n: Math.min(printing.state.done + 1, printing.state.total), total: printing.state.total }) : t('documents.print.opening')}
            </Text>
            <Progress value={printing.state.total > 0 ? (100 * printing.state.done) / printing.state.total : 0} animated aria-label={t('documents.print.opening')} />
            <Group justify="flex-end">
              <Button variant="default" size="xs" onClick={printing.cancel} data-testid="print-cancel">
                {t('documents.print.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
        {result ? null : (
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
                <Button type="submit" variant="light" data-purpose="pdf" loading={busy} leftSection={<IconDownload size={16} />} data-testid="print-submit">
                  {t('documents.print.submit')}
                </Button>
                <Button type="submit" data-purpose="print" loading={busy} leftSection={<IconPrinter size={16} />} data-testid="print-system">
                  {t('documents.print.system')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {result && !printing.active && (
          <Group justify="flex-end">
            {result.purpose === 'print' ? (
              <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => sendToPrinter(result.printed)} data-testid="print-again">
                {t('documents.print.printAgain')}
              </Button>
            ) : (
              <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => savePdf(result.printed)} data-testid="print-save-again">
                {t('documents.print.saveAgain')}
              </Button>
            )}
            <Button onClick={close} data-autofocus data-testid="print-close">
              {t('common.close')}
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}

/** What the core numbered and registered, and how the print through the system dialog ended. */
function PrintOutcome({ result, purpose, phase }: { result: PrintResult; purpose: PrintPurpose; phase: PrintPhase }) {
  const t = useT();
  const failed = purpose === 'print' && (phase === 'failed' || phase === 'cancelled');
  const title = purpose === 'pdf' ? t('documents.print.done') : phase === 'printed' ? t('documents.print.printDone') : t('documents.print.registered');
  return (
    <Alert color={failed ? 'yellow' : 'teal'} variant="light" icon={failed ? <IconAlertTriangle size={18} /> : <IconCircleCheck size={18} />} title={title} data-testid="print-result" data-phase={purpose === 'print' ? phase : 'saved'}>
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
        {purpose === 'print' && phase === 'printing' && <Text size="sm">{t('documents.print.dialogOpen')}</Text>}
        {purpose === 'print' && phase === 'cancelled' && <Text size="sm">{t('documents.print.cancelled')}</Text>}
        {purpose === 'print' && phase === 'failed' && <Text size="sm">{t('documents.print.failed')}</Text>}
      </Stack>
    </Alert>
  );
}
