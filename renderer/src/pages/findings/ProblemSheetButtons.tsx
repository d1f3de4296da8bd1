import { Button, Tooltip } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChannelInput } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { notifyError, notifySuccess } from '../../components/notify';
import { useT } from '../../i18n';
import { ImportDialog } from '../registry/ImportDialog';
import { saveSpreadsheet } from './files';

/** 导入… (the registry's two-step import dialog, for a round's problems): needs a round to import into. */
export function ProblemImportButton({ roundId, onImported }: { roundId: number | null; onImported: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const button = (
    <Button variant="default" leftSection={<IconUpload size={18} />} onClick={() => setOpen(true)} disabled={roundId === null} data-testid="problem-import">
      {t('findings.import.open')}
    </Button>
  );
  return (
    <>
      {roundId === null ? (
        <Tooltip label={t('findings.import.needsRound')}>
          <span>{button}</span>
        </Tooltip>
      ) : (
        button
      )}
      {open && roundId !== null && (
        <ImportDialog
          kind="problems"
          roundId={roundId}
          onClose={() => setOpen(false)}
          onImported={(count) => {
            setOpen(false);
            notifySuccess(t, t('findings.import.done', { count }));
            onImported();
          }}
        />
      )}
    </>
  );
}

/** 导出: every problem the list's current filters match, as .xlsx (audited in the core). */
export function ProblemExportButton({ filter }: { filter: ChannelInput<'problems.export'> }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const result = await invoke('problems.export', filter);
    setBusy(false);
    if (!result.ok) {
      notifyError(t, result.error);
      return;
    }
    saveSpreadsheet(result.value);
    notifySuccess(t, t('findings.exportRows.done', { name: result.value.fileName }));
  };
  return (
    <Tooltip label={t('findings.exportRows.tip')}>
      <Button variant="default" leftSection={<IconFileSpreadsheet size={18} />} onClick={() => void run()} loading={busy} data-testid="problem-export">
        {t('findings.exportRows')}
      </Button>
    </Tooltip>
  );
}
