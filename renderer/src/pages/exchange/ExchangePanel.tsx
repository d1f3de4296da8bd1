import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { SettingsSection } from '../../components/SettingsSection';
import { IconCircleCheck, IconFileExport, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import type { ExchangeExportResult, ExchangePreview } from '../../../../shared/contract';
import { roleMay } from '../../../../shared/roles';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useChannel } from '../../components/useChannel';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n';
import { useActiveStatus } from '../../state/status';
import { bytesText } from '../backup/format';
import { ExportDialog } from './ExportDialog';
import { ImportLogTable } from './ImportLogTable';
import { OfficeCardSection } from './OfficeCardSection';
import { PreviewDialog } from './PreviewDialog';
import { TrustedOfficesSection } from './TrustedOfficesSection';


/**
 * 市县联动: this office's card, the offices it trusts, exporting a round as a package and
 * importing one (checked and diffed first, imported on confirmation), and the import log.
 * A tab of the settings page.
 */
export function ExchangePanel() {
  const t = useT();
  const { user, settings } = useActiveStatus();
  const mayManage = roleMay(user.role, 'settings.manage');
  const mayWrite = roleMay(user.role, 'records.write');
  const mayReadClues = user.role === 'clueOfficer' || (user.role === 'admin' && settings.adminsMayReadClues);
  const [version, setVersion] = useState(0);
  const trusted = useChannel('exchange.trusted', {}, version);
  const log = useChannel('exchange.log', {}, version);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<ExchangeExportResult | null>(null);
  const [preview, setPreview] = useState<ExchangePreview | null>(null);
  const opening = useSubmit();
  const refresh = () => setVersion((v) => v + 1);
  const recipients = (trusted.data ?? []).filter((o) => o.revokedAt === null);

  const choosePackage = () => opening.run(() => invoke('exchange.preview', { reuseChosenFile: false }), (shown) => setPreview(shown));

  return (
    <Stack gap="lg" data-testid="exchange-panel">
      <Text size="sm" c="dimmed">
        {t('exchange.description')}
      </Text>
      <SettingsSection title={t('exchange.card.title')} description={t('exchange.card.description')}>
        <OfficeCardSection />
      </SettingsSection>
      <SettingsSection title={t('exchange.trusted.title')} description={t('exchange.trusted.description')}>
        <TrustedOfficesSection offices={trusted.data ?? []} error={trusted.error} mayManage={mayManage} onChanged={refresh} />
      </SettingsSection>
      {mayWrite && (
        <SettingsSection title={t('exchange.export.title')} description={t('exchange.export.description')}>
          <Group>
            <Button leftSection={<IconFileExport size={16} />} onClick={() => setExporting(true)} data-testid="exchange-export-open">
              {t('exchange.export.open')}
            </Button>
          </Group>
          {exported && (
            <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title={t('exchange.export.done', { path: exported.path })} data-testid="exchange-export-outcome">
              <Text size="sm">{t('exchange.export.detail', { recipient: exported.recipient, sequence: exported.sequence, size: bytesText(exported.bytes) })}</Text>
            </Alert>
          )}
        </SettingsSection>
      )}
      {mayWrite && (
        <SettingsSection title={t('exchange.import.title')} description={t('exchange.import.description')}>
          <Group>
            <Button leftSection={<IconFileImport size={16} />} onClick={() => void choosePackage()} loading={opening.busy} data-testid="exchange-import-open">
              {t('exchange.import.open')}
            </Button>
            {opening.busy && (
              <Group gap="xs">
                <Loader size="xs" />
                <Text size="sm" c="dimmed">
                  {t('exchange.import.busy')}
                </Text>
              </Group>
            )}
          </Group>
          <ErrorAlert error={opening.error} title={t('exchange.import.refused')} coreDetail />
        </SettingsSection>
      )}
      <SettingsSection title={t('exchange.log.title')}>
        <ErrorAlert error={log.error} />
        <ImportLogTable entries={log.data ?? []} loading={log.loading} />
      </SettingsSection>

      {exporting && (
        <ExportDialog
          recipients={recipients}
          mayIncludeClues={mayReadClues}
          onClose={() => setExporting(false)}
          onExported={(result) => {
            setExporting(false);
            // Null: the save dialog was closed; nothing was written.
            setExported(result);
          }}
        />
      )}
      {preview && (
        <PreviewDialog
          preview={preview}
          onClose={() => setPreview(null)}
          onImported={(result) => {
            setPreview(null);
            notifySuccess(t, result.alreadyImported ? t('exchange.importedNothing') : t('exchange.imported', { round: result.roundLabel, sender: result.sender.name }));
            refresh();
          }}
        />
      )}
    </Stack>
  );
}
