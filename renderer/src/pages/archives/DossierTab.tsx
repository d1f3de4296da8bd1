import { Alert, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconLock, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useChannel } from '../../components/useChannel';
import { useFormatDate, useT } from '../../i18n';
import { CatalogueActions } from './CatalogueActions';
import { CloseDossierDialog } from './CloseDossierDialog';
import { DefaultsDialog } from './DefaultsDialog';
import { DossierItems } from './DossierItems';
import { ImportPanel } from './ImportPanel';
import { OfferedDocuments } from './OfferedDocuments';
import { StageChecklist } from './StageChecklist';

/** 巡察档案 of one round: what it holds and misses, filing from the app and from outside, closing. */
export function DossierTab({ roundId, canWrite }: { roundId: number; canWrite: boolean }) {
  const t = useT();
  const formatDate = useFormatDate();
  const [version, setVersion] = useState(0);
  const [dialog, setDialog] = useState<'close' | 'defaults' | null>(null);
  const dossier = useChannel('archives.dossier', { roundId }, version);
  const refresh = () => setVersion((v) => v + 1);
  const d = dossier.data?.roundId === roundId ? dossier.data : null;
  if (!d) return dossier.error ? <ErrorAlert error={dossier.error} /> : <Loader size="sm" />;
  const open = d.status === 'open';

  return (
    <Stack gap="md" data-testid="archives-dossier" data-status={d.status}>
      <Card withBorder radius="md" padding="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={4}>
            <Group gap="sm">
              <Text fw={600}>{d.roundLabel}</Text>
              <Badge color={open ? 'blue' : 'gray'} variant="light" leftSection={open ? null : <IconLock size={12} />} data-testid="archives-dossier-status">
                {t(open ? 'archives.dossier.open' : 'archives.dossier.closed')}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('archives.dossier.defaults', { year: d.year, retention: t(`archives.retention.${d.retention}`), org: d.orgCode })} · {t('archives.dossier.items', { count: d.itemCount })}
            </Text>
            {!open && (
              <Text size="sm" c="dimmed">
                {t('archives.dossier.closedBy', { name: d.closedBy ?? '', date: formatDate(d.closedAt) })}
                {d.closeReason && ` · ${t('archives.dossier.closeReason', { reason: d.closeReason })}`}
              </Text>
            )}
          </Stack>
          <Group gap="sm">
            <CatalogueActions roundId={roundId} year={d.year} />
            {canWrite && open && (
              <>
                <Button variant="default" leftSection={<IconSettings size={16} />} onClick={() => setDialog('defaults')}>
                  {t('archives.dossier.editDefaults')}
                </Button>
                <Button color="orange" leftSection={<IconLock size={16} />} onClick={() => setDialog('close')} data-testid="archives-close">
                  {t('archives.dossier.close')}
                </Button>
              </>
            )}
          </Group>
        </Group>
      </Card>
      {!open && (
        <Alert color="gray" icon={<IconLock size={18} />} data-testid="archives-closed-notice">
          {t('archives.dossier.closedNotice')}
        </Alert>
      )}
      <StageChecklist dossier={d} />
      {canWrite && open && (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <OfferedDocuments roundId={roundId} canFile version={version} onFiled={refresh} />
          <ImportPanel dossier={d} onImported={refresh} />
        </SimpleGrid>
      )}
      <DossierItems dossier={d} canWrite={canWrite} version={version} onChanged={refresh} />
      {dialog === 'close' && (
        <CloseDossierDialog
          dossier={d}
          onClose={() => setDialog(null)}
          onClosed={() => {
            setDialog(null);
            refresh();
          }}
        />
      )}
      {dialog === 'defaults' && (
        <DefaultsDialog
          dossier={d}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            refresh();
          }}
        />
      )}
    </Stack>
  );
}
