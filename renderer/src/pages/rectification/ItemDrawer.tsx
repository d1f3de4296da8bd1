import { Alert, Button, DataList, Divider, Drawer, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck, IconPlayerPlay, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import type { RectificationDetail } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useChannel } from '../../components/useChannel';
import { useSubmit } from '../../components/useSubmit';
import { useFormatDate, useT } from '../../i18n';
import { EvidenceFiles } from './EvidenceFiles';
import { HistoryTimeline } from './HistoryTimeline';
import { ItemForm } from './ItemForm';
import { StatusBadges } from './ItemsTable';
import type { RectificationRights } from './labels';
import { ReviewDialog, SubmitDialog } from './ReviewDialog';

type Dialog = { kind: 'submit' } | { kind: 'review'; decision: 'accepted' | 'sentBack' } | null;

/**
 * One ledger item (mounted while open, read afresh each time): the problem, the measures and
 * people (editable until submitted), the next step of the status machine for this role, the
 * evidence and the item's history.
 */
export function ItemDrawer({ itemId, rights, onClose, onChanged }: { itemId: number; rights: RectificationRights; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const formatDate = useFormatDate();
  const loaded = useChannel('rectification.get', { id: itemId });
  // The item as the last change returned it.
  const [fresh, setFresh] = useState<RectificationDetail | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [filesDialog, setFilesDialog] = useState(false);
  const [dirty, setDirty] = useState(false);
  const start = useSubmit();
  const item = fresh ?? loaded.data;
  const editable = item !== null && (item.status === 'notStarted' || item.status === 'inProgress');

  const changed = (next: RectificationDetail, message: string) => {
    setFresh(next);
    setDialog(null);
    notifySuccess(t, message);
    onChanged();
  };

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      closeOnEscape={dialog === null && !filesDialog}
      title={
        <Title order={3} fz="lg">
          {t('rectification.drawer.title')}
        </Title>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="rectification-drawer"
    >
      <ErrorAlert error={loaded.error} />
      {!item && loaded.loading && <Loader size="sm" />}
      {item && (
        <Stack gap="lg" data-testid="rectification-detail" data-status={item.status}>
          <Group justify="space-between" align="center">
            <StatusBadges item={item} />
            <Group gap="xs">
              {rights.write && item.status === 'notStarted' && (
                <Button
                  size="xs"
                  leftSection={<IconPlayerPlay size={14} />}
                  loading={start.busy}
                  onClick={() =>
                    void start.run(
                      () => invoke('rectification.advance', { id: item.id, to: 'inProgress', note: '' }),
                      (next) => changed(next, t('rectification.started')),
                    )
                  }
                  data-testid="rectification-start"
                >
                  {t('rectification.action.start')}
                </Button>
              )}
              {rights.write && item.status === 'inProgress' && (
                <Button
                  size="xs"
                  leftSection={<IconSend size={14} />}
                  disabled={dirty}
                  title={dirty ? t('rectification.action.saveFirst') : undefined}
                  onClick={() => setDialog({ kind: 'submit' })}
                  data-testid="rectification-submit"
                >
                  {t('rectification.action.submit')}
                </Button>
              )}
              {rights.review && item.status === 'awaitingReview' && (
                <>
                  <Button size="xs" color="teal" leftSection={<IconCircleCheck size={14} />} onClick={() => setDialog({ kind: 'review', decision: 'accepted' })} data-testid="rectification-accept">
                    {t('rectification.action.accept')}
                  </Button>
                  <Button size="xs" color="orange" variant="light" leftSection={<IconArrowBackUp size={14} />} onClick={() => setDialog({ kind: 'review', decision: 'sentBack' })} data-testid="rectification-send-back">
                    {t('rectification.action.sendBack')}
                  </Button>
                </>
              )}
            </Group>
          </Group>
          <ErrorAlert error={start.error} />
          {item.status === 'awaitingReview' && !rights.review && (
            <Text size="sm" c="dimmed">
              {t('rectification.awaitingReview.hint')}
            </Text>
          )}
          {item.lastReview?.decision === 'sentBack' && item.status === 'inProgress' && (
            <Alert color="orange" variant="light" icon={<IconArrowBackUp size={18} />} title={t('rectification.sentBack.title')} data-testid="rectification-sent-back">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {item.lastReview.reason}
              </Text>
              <Text size="xs" c="dimmed" mt={4}>
                {t('rectification.review.by', { name: item.lastReview.reviewerName, at: formatDate(item.lastReview.reviewedAt) })}
              </Text>
            </Alert>
          )}

          <DataList labelWidth={110}>
            <DataList.Item>
              <DataList.ItemLabel>{t('rectification.col.unit')}</DataList.ItemLabel>
              <DataList.ItemValue>
                {item.unitName}
                <Text span size="xs" c="dimmed" ml={6}>
                  {item.roundLabel}
                </Text>
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('rectification.col.problem')}</DataList.ItemLabel>
              <DataList.ItemValue style={{ whiteSpace: 'pre-wrap' }} data-testid="rectification-problem">
                {item.problemDescription}
              </DataList.ItemValue>
            </DataList.Item>
            {item.status === 'closed' && item.lastReview && (
              <DataList.Item>
                <DataList.ItemLabel>{t('rectification.closedOn')}</DataList.ItemLabel>
                <DataList.ItemValue>
                  {formatDate(item.closedOn, 'date')}
                  <Text span size="xs" c="dimmed" ml={6}>
                    {t('rectification.review.by', { name: item.lastReview.reviewerName, at: formatDate(item.lastReview.reviewedAt) })}
                  </Text>
                </DataList.ItemValue>
              </DataList.Item>
            )}
          </DataList>

          <ItemForm key={`${item.id}-${item.updatedAt}`} item={item} editable={editable && rights.write} onDirty={setDirty} onSaved={(next) => changed(next, t('rectification.saved'))} />

          <Divider />
          <EvidenceFiles item={item} mayAdd={editable && rights.write} onChanged={(next) => changed(next, t('rectification.evidence.uploaded'))} onDialog={setFilesDialog} />

          <Divider />
          <HistoryTimeline history={item.history} />
        </Stack>
      )}
      {item && dialog?.kind === 'submit' && (
        <SubmitDialog item={item} onClose={() => setDialog(null)} onDone={(next) => changed(next, t('rectification.submitted'))} />
      )}
      {item && dialog?.kind === 'review' && (
        <ReviewDialog
          item={item}
          decision={dialog.decision}
          onClose={() => setDialog(null)}
          onDone={(next) => changed(next, t(dialog.decision === 'accepted' ? 'rectification.accepted' : 'rectification.sentBackDone'))}
        />
      )}
    </Drawer>
  );
}
