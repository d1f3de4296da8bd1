import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import type { FileDownload } from '../../../../../shared/contract';
import { base64ToBytes, saveBase64File, XLSX_TYPE } from '../../../api/files';
import { invoke } from '../../../api/client';
import { notifyError, notifySuccess } from '../../../components/notify';
import { PdfViewer } from '../../../components/PdfViewer';
import { useT } from '../../../i18n';

type Busy = 'xlsx' | 'pdf' | null;

/** The round's report: .xlsx saved at once; the PDF opened in the viewer first, then saved. Each export is audited by the core. */
export function ExportButtons({ roundId }: { roundId: number }) {
  const t = useT();
  const [busy, setBusy] = useState<Busy>(null);
  const [pdf, setPdf] = useState<{ file: FileDownload; bytes: Uint8Array } | null>(null);

  const exportXlsx = async () => {
    setBusy('xlsx');
    const result = await invoke('resultsLedger.exportXlsx', { roundId });
    setBusy(null);
    if (!result.ok) return notifyError(t, result.error);
    saveBase64File(result.value, XLSX_TYPE);
    notifySuccess(t, t('results.export.saved', { file: result.value.fileName }));
  };
  const previewPdf = async () => {
    setBusy('pdf');
    const result = await invoke('resultsLedger.exportPdf', { roundId });
    setBusy(null);
    if (!result.ok) return notifyError(t, result.error);
    setPdf({ file: result.value, bytes: base64ToBytes(result.value.base64) });
  };

  return (
    <>
      <Group gap="sm">
        {busy && (
          <Text size="sm" c="dimmed" role="status" data-testid="results-export-progress">
            {t('results.export.preparing')}
          </Text>
        )}
        <Button variant="default" leftSection={<IconFileSpreadsheet size={18} />} loading={busy === 'xlsx'} disabled={busy !== null} onClick={() => void exportXlsx()} data-testid="results-export-xlsx">
          {t('results.export.xlsx')}
        </Button>
        <Button variant="default" leftSection={<IconFileTypePdf size={18} />} loading={busy === 'pdf'} disabled={busy !== null} onClick={() => void previewPdf()} data-testid="results-export-pdf">
          {t('results.export.pdf')}
        </Button>
      </Group>
      {pdf && (
        <Modal opened onClose={() => setPdf(null)} title={t('results.pdf.title')} size="90%" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
          <Stack gap="sm" data-testid="results-pdf-preview">
            <PdfViewer data={pdf.bytes} title={pdf.file.fileName} height="70vh" />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPdf(null)}>
                {t('common.close')}
              </Button>
              <Button leftSection={<IconDownload size={18} />} onClick={() => saveBase64File(pdf.file, 'application/pdf')} data-testid="results-pdf-save">
                {t('results.export.save')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </>
  );
}
