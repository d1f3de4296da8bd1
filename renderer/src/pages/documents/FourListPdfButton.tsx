import { Button } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import type { fourListKinds } from '../../../../shared/contract';
import { roleMay } from '../../../../shared/roles';
import { invoke } from '../../api/client';
import { useT } from '../../i18n';
import { useActiveStatus } from '../../state/status';
import { PrintDialog } from './PrintDialog';

type Kind = (typeof fourListKinds)[number];

/** One of the four lists of the round as a landscape table (秘密, numbered copies), printed or saved as PDF, beside its .xlsx export. */
export function FourListPdfButton({ kind, roundId }: { kind: Kind; roundId: number | null }) {
  const t = useT();
  const { user } = useActiveStatus();
  const [open, setOpen] = useState(false);
  if (!roleMay(user.role, 'documents.print')) return null;
  return (
    <>
      <Button variant="default" leftSection={<IconFileTypePdf size={18} />} onClick={() => setOpen(true)} disabled={roundId === null} data-testid={`export-pdf-${kind}`}>
        {t('documents.fourList.pdf')}
      </Button>
      {open && roundId !== null && (
        <PrintDialog
          title={t(`documents.fourList.${kind}`)}
          classification="secret"
          onPrint={(copies, purpose) => invoke('documents.printFourList', { kind, roundId, classification: 'secret', classificationPeriod: '', copies, purpose })}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
