import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { roleMay } from '../../../../../shared/roles';
import type { AppErrorShape } from '../../../../../shared/result';
import { invoke } from '../../../api/client';
import { base64ToBytes } from '../../../api/files';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { usePrintPdf } from '../../../components/pdf/usePrintPdf';
import { useT } from '../../../i18n';
import { useActiveStatus } from '../../../state/status';
import { savePdf } from '../../documents/files';

/** 保存 PDF / 打印 the scorecard: a landscape table from the document engine (内部, not numbered). */
export function ScorecardPdfButtons({ scope, disabled }: { scope: { termId: number } | { listId: number }; disabled: boolean }) {
  const t = useT();
  const { user } = useActiveStatus();
  const printing = usePrintPdf();
  const [busy, setBusy] = useState<'pdf' | 'print' | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [substitutes, setSubstitutes] = useState(false);
  if (!roleMay(user.role, 'documents.print')) return null;

  const make = async (purpose: 'pdf' | 'print') => {
    if (busy || printing.active) return;
    setBusy(purpose);
    setError(null);
    const result = await invoke('scorecard.pdf', { ...scope, purpose });
    setBusy(null);
    if (!result.ok) return setError(result.error);
    setSubstitutes(result.value.substitutes);
    if (purpose === 'pdf') savePdf(result.value);
    else void printing.start(base64ToBytes(result.value.base64));
  };

  return (
    <Group gap="xs" align="center">
      {(busy || printing.preparing) && (
        <Group gap={6} role="status" aria-live="polite" data-testid="scorecard-pdf-busy">
          <Loader size="xs" />
          <Text size="xs" c="dimmed">
            {t('scorecard.making')}
          </Text>
        </Group>
      )}
      <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => void make('print')} disabled={disabled} loading={busy === 'print'} data-testid="scorecard-print">
        {t('scorecard.print')}
      </Button>
      <Button leftSection={<IconDownload size={16} />} onClick={() => void make('pdf')} disabled={disabled} loading={busy === 'pdf'} data-testid="scorecard-pdf">
        {t('scorecard.pdf')}
      </Button>
      <ErrorAlert error={error} coreDetail />
      {substitutes && (
        <Alert color="yellow" variant="light" p="xs" data-testid="scorecard-substitutes">
          {t('scorecard.substitutes')}
        </Alert>
      )}
    </Group>
  );
}
