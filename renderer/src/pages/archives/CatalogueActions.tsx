import { Button } from '@mantine/core';
import { IconListDetails, IconStack2 } from '@tabler/icons-react';
import { useState } from 'react';
import { roleMay } from '../../../../shared/roles';
import { useT } from '../../i18n';
import { useActiveStatus } from '../../state/status';
import { CataloguePdfDialog, type CataloguePdfKind } from './borrowing/CataloguePdfDialog';

/**
 * Printing a dossier's 归档文件目录 (landscape PDF, per volume) and its 归档章 labels, for those
 * who file (archives.write); the core checks again and audits each PDF.
 */
export function CatalogueActions({ roundId, year }: { roundId: number | null; year: number | null }) {
  const t = useT();
  const { user } = useActiveStatus();
  const [open, setOpen] = useState<CataloguePdfKind | null>(null);
  if (!roleMay(user.role, 'archives.write')) return null;
  return (
    <>
      <Button variant="default" leftSection={<IconListDetails size={16} />} onClick={() => setOpen('catalogue')} data-testid="archives-catalogue-print">
        {t('catalogue.print')}
      </Button>
      <Button variant="default" leftSection={<IconStack2 size={16} />} onClick={() => setOpen('labels')} data-testid="archives-labels-print">
        {t('catalogue.labels')}
      </Button>
      {open && <CataloguePdfDialog kind={open} roundId={roundId} year={year} onClose={() => setOpen(null)} />}
    </>
  );
}
