import { Badge, Button, Card, Group, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { fontRoleNames } from '../../../../shared/documents';
import { roleMay } from '../../../../shared/roles';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useChannel } from '../../components/useChannel';
import { useT } from '../../i18n';
import { useActiveStatus, useStatus } from '../../state/status';

/** 设置 · 公文字体: which font serves each GB/T 9704 role (and which are open fonts standing in), and the watermark switch. */
export function FontStatusCard() {
  const t = useT();
  const [version, setVersion] = useState(0);
  const fonts = useChannel('documents.fonts', {}, version);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={t('documents.fonts.title')} data-testid="font-status-card">
      <Stack gap="sm">
        <Title order={3} fz={16}>
          {t('documents.fonts.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('documents.fonts.description')}
        </Text>
        <ErrorAlert error={fonts.error} />
        {fonts.data?.substitutes && (
          <Text size="sm" c="orange.8">
            <IconAlertTriangle size={14} style={{ verticalAlign: -2 }} /> {t('documents.fonts.notice')}
          </Text>
        )}
        {fonts.data && (
          <Table verticalSpacing={6} data-testid="font-status-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('documents.fonts.role')}</Table.Th>
                <Table.Th>{t('documents.fonts.family')}</Table.Th>
                <Table.Th>{t('documents.fonts.file')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fonts.data.fonts.map((font) => (
                <Table.Tr key={font.role} data-testid="font-status-row" data-role={font.role}>
                  <Table.Td>{fontRoleNames[font.role]}</Table.Td>
                  <Table.Td>{font.family}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                      {font.file}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {font.substitute ? (
                      <Badge color="yellow" variant="light">
                        {t('documents.fonts.substitute')}
                      </Badge>
                    ) : (
                      <Badge color="teal" variant="light">
                        {t('documents.fonts.official')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {fonts.data?.fontDir && (
          <Text size="xs" c="dimmed">
            {t('documents.fonts.folder', { dir: fonts.data.fontDir })}
          </Text>
        )}
        <FontFolderForm onSaved={() => setVersion((v) => v + 1)} />
        <WatermarkSwitch />
      </Stack>
    </Card>
  );
}

/** A folder of official fonts outside the system folders (e.g. copied from a licensed machine). */
function FontFolderForm({ onSaved }: { onSaved: () => void }) {
  const t = useT();
  const { user, settings } = useActiveStatus();
  const { refresh } = useStatus();
  const mayManage = roleMay(user.role, 'settings.manage');
  const [dir, setDir] = useState(settings.documentsFontDir ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await invoke('settings.update', { documentsFontDir: dir.trim() });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    notifySuccess(t, t('documents.fonts.folderSaved'));
    await refresh();
    onSaved();
  };

  return (
    <form onSubmit={(event) => void save(event)} noValidate data-testid="font-folder-form">
      <Group align="flex-end" gap="sm" mt="sm">
        <TextInput
          label={t('documents.fonts.folderLabel')}
          description={t('documents.fonts.folderHint')}
          value={dir}
          onChange={(event) => setDir(event.currentTarget.value)}
          disabled={!mayManage || busy}
          maxLength={500}
          style={{ flex: 1 }}
          data-testid="font-folder"
        />
        <Button type="submit" loading={busy} disabled={!mayManage} data-testid="font-folder-save">
          {t('common.save')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
    </form>
  );
}

function WatermarkSwitch() {
  const t = useT();
  const { user, settings } = useActiveStatus();
  const { refresh } = useStatus();
  const mayManage = roleMay(user.role, 'settings.manage');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const set = async (on: boolean) => {
    setBusy(true);
    setError(null);
    const result = await invoke('settings.update', { documentsWatermark: on });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    notifySuccess(t, on ? t('documents.watermark.on') : t('documents.watermark.off'));
    await refresh();
  };

  return (
    <Stack gap={4} mt="sm">
      <Group>
        <Switch
          label={t('documents.watermark.switch')}
          description={t('documents.watermark.description')}
          checked={settings.documentsWatermark ?? false}
          onChange={(event) => void set(event.currentTarget.checked)}
          disabled={!mayManage || busy}
          data-testid="documents-watermark"
        />
      </Group>
      {!mayManage && (
        <Text size="xs" c="dimmed">
          {t('handover.settings.adminOnly')}
        </Text>
      )}
      <ErrorAlert error={error} />
    </Stack>
  );
}
