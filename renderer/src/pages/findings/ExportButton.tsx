import { Button, Group, Tooltip } from '@mantine/core';
import { IconTableExport } from '@tabler/icons-react';
import { useState } from 'react';
import type { fourListKinds } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { notifyError, notifySuccess } from '../../components/notify';
import { useT } from '../../i18n';
import { FourListPdfButton } from '../documents/FourListPdfButton';
import { saveSpreadsheet } from './files';

type Kind = (typeof fourListKinds)[number];

/** Exports one of the four lists (四个清单) of the round as .xlsx, with its PDF beside it; every export is audited. */
export function ExportButton({ kind, roundId }: { kind: Kind; roundId: number | null }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const label = t(`findings.export.${kind}`);

  const run = async () => {
    if (roundId === null) return;
    setBusy(true);
    const result = await invoke('fourLists.export', { kind, roundId });
    setBusy(false);
    if (!result.ok) {
      notifyError(t, result.error);
      return;
    }
    saveSpreadsheet(result.value);
    notifySuccess(t, t('findings.export.done', { name: result.value.fileName }));
  };

  const button = (
    <Button
      variant="default"
      leftSection={<IconTableExport size={18} />}
      onClick={() => void run()}
      loading={busy}
      disabled={roundId === null}
      data-testid={`export-${kind}`}
    >
      {label}
    </Button>
  );
  return (
    <Group gap="sm">
      {roundId === null ? (
        <Tooltip label={t('findings.export.needsRound')}>
          <span>{button}</span>
        </Tooltip>
      ) : (
        button
      )}
      <FourListPdfButton kind={kind} roundId={roundId} />
    </Group>
  );
}
