import { Alert, Button, Group, Loader, Modal, Progress, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload, IconEye, IconPrinter } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { CatalogueVolume } from '../../../../../shared/contract';
import { base64ToBytes, saveBase64File } from '../../../api/files';
import { invoke } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { usePrintPdf } from '../../../components/pdf/usePrintPdf';
import { PdfViewer } from '../../../components/PdfViewer';
import { useChannel } from '../../../components/useChannel';
import { useSubmit } from '../../../components/useSubmit';
import { useT } from '../../../i18n';
import { parseItemNumbers } from './item-numbers';

export type CataloguePdfKind = 'catalogue' | 'labels';

const volumeKey = (volume: CatalogueVolume) => `${volume.year}|${volume.retention}|${volume.orgCode}`;

/**
 * 打印目录 / 打印归档章: choose the volume (and, for labels, the 件号), have the core render the
 * PDF (audited there), look at it, then print it through the system dialog or save it.
 */
export function CataloguePdfDialog({ kind, roundId, year, onClose }: { kind: CataloguePdfKind; roundId: number | null; year: number | null; onClose: () => void }) {
  const t = useT();
  const volumes = useChannel('archives.catalogueVolumes', roundId !== null ? { roundId } : year !== null ? { year } : {});
  const [chosen, setChosen] = useState<string | null>(null);
  const [numbers, setNumbers] = useState('');
  const [numbersError, setNumbersError] = useState<string | null>(null);
  const [pdf, setPdf] = useState<{ fileName: string; base64: string; bytes: Uint8Array; pages: number; rows: number } | null>(null);
  const { busy, error, run } = useSubmit();
  const printing = usePrintPdf();
  const list = useMemo(() => volumes.data ?? [], [volumes.data]);
  const volume = list.find((v) => volumeKey(v) === chosen) ?? list[0] ?? null;

  const generate = async (target: CatalogueVolume | null) => {
    if (!target || busy) return;
    const base = { year: target.year, retention: target.retention, orgCode: target.orgCode };
    let call;
    if (kind === 'catalogue') call = () => invoke('archives.catalogue', base);
    else {
      const itemNumbers = parseItemNumbers(numbers);
      if (itemNumbers === null) return setNumbersError(t('catalogue.labelItemsInvalid'));
      setNumbersError(null);
      call = () => invoke('archives.stampLabels', itemNumbers.length ? { ...base, itemNumbers } : base);
    }
    setPdf(null);
    await run(call, (value) => setPdf({ ...value, bytes: base64ToBytes(value.base64) }));
  };

  const title = t(kind === 'catalogue' ? 'catalogue.catalogueTitle' : 'catalogue.labelsTitle');
  return (
    <Modal opened onClose={() => !busy && onClose()} title={title} size="90vw" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm" data-testid="catalogue-dialog">
        <ErrorAlert error={volumes.error} />
        {volumes.data && list.length === 0 && <Alert color="gray">{t('catalogue.noVolumes')}</Alert>}
        {list.length > 0 && (
          <Group align="flex-end" gap="sm">
            <Select
              w={360}
              label={t('catalogue.volume')}
              data={list.map((v) => ({ value: volumeKey(v), label: t('catalogue.volumeOption', { year: v.year, retention: t(`archives.retention.${v.retention}`), org: v.orgCode, n: v.items }) }))}
              value={volume ? volumeKey(volume) : null}
              onChange={(value) => {
                setChosen(value);
                setPdf(null);
              }}
              allowDeselect={false}
              data-testid="catalogue-volume"
            />
            {kind === 'labels' && (
              <TextInput w={300} label={t('catalogue.labelItems')} value={numbers} onChange={(event) => setNumbers(event.currentTarget.value)} error={numbersError} maxLength={500} data-testid="catalogue-item-numbers" />
            )}
            <Button variant="default" leftSection={<IconEye size={16} />} onClick={() => void generate(volume)} loading={busy} data-testid="catalogue-generate">
              {t('catalogue.generate')}
            </Button>
          </Group>
        )}
        <ErrorAlert error={error} coreDetail />
        {busy && (
          <Group gap="xs" data-testid="catalogue-generating">
            <Loader size="sm" />
            <Text size="sm">{t('catalogue.generating')}</Text>
          </Group>
        )}
        {pdf && (
          <>
            <Group justify="space-between">
              <Text size="sm" data-testid="catalogue-summary">
                {pdf.fileName} · {t('catalogue.summary', { rows: pdf.rows, pages: pdf.pages })}
              </Text>
              <Group gap="xs">
                <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => saveBase64File(pdf, 'application/pdf')} data-testid="catalogue-save">
                  {t('catalogue.save')}
                </Button>
                <Button leftSection={<IconPrinter size={16} />} onClick={() => void printing.start(pdf.bytes)} loading={printing.preparing} data-testid="catalogue-print-now">
                  {t('catalogue.printNow')}
                </Button>
              </Group>
            </Group>
            {printing.preparing && printing.state.total > 0 && (
              <Stack gap={4}>
                <Text size="sm">{t('catalogue.printing', { n: Math.min(printing.state.done + 1, printing.state.total), total: printing.state.total })}</Text>
                <Progress value={(100 * printing.state.done) / printing.state.total} aria-label={t('catalogue.generating')} />
              </Stack>
            )}
            <PdfViewer data={pdf.bytes} title={pdf.fileName} height="60vh" />
          </>
        )}
      </Stack>
    </Modal>
  );
}
