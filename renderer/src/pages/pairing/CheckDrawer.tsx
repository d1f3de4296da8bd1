import { Badge, Button, Divider, Drawer, Group, Stack, Text, Textarea, TextInput, Timeline, Title } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck, IconEdit, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { PairingCheckEvent, PairingLedgerRow } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { DateField } from '../../components/DateField';
import { today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { notifySuccess } from '../../components/notify';
import { useChannel } from '../../components/useChannel';
import { useSubmit } from '../../components/useSubmit';
import { useFormatDate, useT } from '../../i18n';
import { statusColors, type PairingRights } from './labels';

const icons: Record<PairingCheckEvent, ReactNode> = {
  recorded: <IconPlus size={12} />,
  edited: <IconEdit size={12} />,
  closed: <IconCircleCheck size={12} />,
  reopened: <IconArrowBackUp size={12} />,
};

/** One self-check item: what the county found and does about it, 销号 or reopen, and its history. */
export function CheckDrawer({
  year,
  regionId,
  countyName,
  row,
  rights,
  onClose,
  onChanged,
}: {
  year: number;
  regionId: number;
  countyName: string;
  row: PairingLedgerRow;
  rights: PairingRights;
  onClose: () => void;
  onChanged: () => void;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const [problem, setProblem] = useState(row.problem);
  const [measures, setMeasures] = useState(row.measures);
  const [deadline, setDeadline] = useState<string | null>(row.deadline);
  const [responsible, setResponsible] = useState(row.responsiblePerson);
  const [dialog, setDialog] = useState<'close' | 'reopen' | null>(null);
  const [version, setVersion] = useState(0);
  const { busy, error, run } = useSubmit();
  const history = useChannel('pairing.history', row.checkId === null ? null : { checkId: row.checkId }, version);
  const editable = rights.write && row.status !== 'closed';
  const dirty = problem !== row.problem || measures !== row.measures || (deadline ?? null) !== row.deadline || responsible !== row.responsiblePerson;

  const changed = () => {
    setVersion((v) => v + 1);
    onChanged();
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (busy || !editable) return;
    void run(
      () => invoke('pairing.recordCheck', { year, regionId, itemId: row.itemId, problem, measures, deadline, responsiblePerson: responsible }),
      () => {
        notifySuccess(t, t('pairing.check.saved'));
        changed();
      },
    );
  };

  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={`${countyName} · ${t('pairing.check.title')}`} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md" data-testid="pairing-check-drawer">
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {t(`pairing.aspect.${row.aspect}`)}
          </Text>
          <Text fw={600} data-testid="pairing-check-item">
            {row.text}
          </Text>
          <Group gap="xs">
            <Badge color={statusColors[row.status]} variant="light" data-testid="pairing-check-status">
              {t(`pairing.status.${row.status}`)}
            </Badge>
            {row.closedOn && row.closedBy && (
              <Text size="xs" c="dimmed">
                {t('pairing.check.closedBy', { date: formatDate(row.closedOn, 'date'), name: row.closedBy })}
              </Text>
            )}
          </Group>
        </Stack>
        <form onSubmit={save} noValidate>
          <Stack gap="sm">
            <Textarea label={t('pairing.ledger.problem')} value={problem} onChange={(e) => setProblem(e.currentTarget.value)} readOnly={!editable} maxLength={2000} autosize minRows={2} required data-autofocus data-testid="pairing-check-problem" />
            <Textarea label={t('pairing.ledger.measures')} value={measures} onChange={(e) => setMeasures(e.currentTarget.value)} readOnly={!editable} maxLength={2000} autosize minRows={2} data-testid="pairing-check-measures" />
            <Group grow align="flex-start">
              <DateField label={t('pairing.ledger.deadline')} value={deadline} onChange={setDeadline} testId="pairing-check-deadline" />
              <TextInput label={t('pairing.ledger.responsible')} value={responsible} onChange={(e) => setResponsible(e.currentTarget.value)} readOnly={!editable} maxLength={40} data-testid="pairing-check-responsible" />
            </Group>
            <ErrorAlert error={error} coreDetail />
            {rights.write && (
              <Group justify="flex-end">
                {row.status === 'inProgress' && (
                  <Button variant="light" color="teal" leftSection={<IconCircleCheck size={16} />} onClick={() => setDialog('close')} disabled={dirty} data-testid="pairing-check-close">
                    {t('pairing.check.close')}
                  </Button>
                )}
                {row.status === 'closed' && (
                  <Button variant="light" color="orange" leftSection={<IconArrowBackUp size={16} />} onClick={() => setDialog('reopen')} data-testid="pairing-check-reopen">
                    {t('pairing.check.reopen')}
                  </Button>
                )}
                {editable && (
                  <Button type="submit" loading={busy} disabled={!dirty} data-testid="pairing-check-save">
                    {t('pairing.check.save')}
                  </Button>
                )}
              </Group>
            )}
          </Stack>
        </form>
        {history.data && history.data.length > 0 && (
          <>
            <Divider />
            <Title order={4} fz="sm">
              {t('pairing.check.history')}
            </Title>
            <Timeline active={history.data.length - 1} bulletSize={22} lineWidth={2} data-testid="pairing-history">
              {history.data.map((entry) => (
                <Timeline.Item
                  key={entry.id}
                  bullet={icons[entry.event]}
                  color={entry.event === 'closed' ? 'teal' : entry.event === 'reopened' ? 'orange' : undefined}
                  data-testid="pairing-history-entry"
                  data-event={entry.event}
                  title={
                    <Text size="sm" fw={600}>
                      {t(`pairing.event.${entry.event}`)}
                      {entry.fromStatus !== null && entry.fromStatus !== entry.toStatus && (
                        <Text span size="xs" c="dimmed" fw={400} ml={6}>
                          {t('pairing.check.move', { from: t(`pairing.status.${entry.fromStatus}`), to: t(`pairing.status.${entry.toStatus}`) })}
                        </Text>
                      )}
                    </Text>
                  }
                >
                  {entry.note && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {entry.note}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {entry.actorName} · {formatDate(entry.at)}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </>
        )}
        <ErrorAlert error={history.error} />
      </Stack>
      {dialog === 'close' && row.checkId !== null && (
        <CloseDialog
          checkId={row.checkId}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            notifySuccess(t, t('pairing.check.closed'));
            changed();
          }}
        />
      )}
      {dialog === 'reopen' && row.checkId !== null && (
        <ReopenDialog
          checkId={row.checkId}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            notifySuccess(t, t('pairing.check.reopened'));
            changed();
          }}
        />
      )}
    </Drawer>
  );
}

function CloseDialog({ checkId, onClose, onDone }: { checkId: number; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [closedOn, setClosedOn] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const { busy, error, run } = useSubmit();
  return (
    <FormDialog
      title={t('pairing.check.closeTitle')}
      busy={busy}
      error={error}
      coreDetail
      onClose={onClose}
      onSubmit={() => run(() => invoke('pairing.closeCheck', { checkId, note, ...(closedOn ? { closedOn } : {}) }), onDone)}
      submitLabel={t('pairing.check.close')}
      submitColor="teal"
      submitTestId="pairing-close-confirm"
    >
      <Textarea label={t('pairing.check.closeNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} autosize minRows={2} data-autofocus data-testid="pairing-close-note" />
      <DateField label={t('pairing.check.closeOn')} description={t('pairing.check.closeOn.hint')} value={closedOn} onChange={setClosedOn} maxDate={today()} testId="pairing-close-on" />
    </FormDialog>
  );
}

function ReopenDialog({ checkId, onClose, onDone }: { checkId: number; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const { busy, error, run } = useSubmit();
  return (
    <FormDialog
      title={t('pairing.check.reopenTitle')}
      busy={busy}
      error={error}
      coreDetail
      onClose={onClose}
      onSubmit={() => run(() => invoke('pairing.reopenCheck', { checkId, reason }), onDone)}
      submitLabel={t('pairing.check.reopen')}
      submitColor="orange"
      submitTestId="pairing-reopen-confirm"
    >
      <Textarea label={t('pairing.check.reopenReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} autosize minRows={2} required data-autofocus data-testid="pairing-reopen-reason" />
    </FormDialog>
  );
}
