import { ActionIcon, Button, Group, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { attendeeCapacities, type AttendeeCapacity, type FeedbackMeeting } from '../../../../shared/contract';
import { roleMay } from '../../../../shared/roles';
import { invoke } from '../../api/client';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { useChannel } from '../../components/useChannel';
import { useSubmit } from '../../components/useSubmit';
import { useFormatDate, useT } from '../../i18n';
import { useActiveStatus } from '../../state/status';

interface Attendee {
  name: string;
  capacity: AttendeeCapacity;
  position: string;
}

/** 巡察反馈会议: date, place, who attended (in order) and a note; recorded with the feedback letter. */
export function FeedbackMeetingForm({ inspectionId }: { inspectionId: number }) {
  const [version, setVersion] = useState(0);
  const loaded = useChannel('feedbackMeetings.get', { inspectionId }, version);
  if (loaded.data === null && !loaded.error && loaded.loading) return null;
  return loaded.error ? (
    <ErrorAlert error={loaded.error} />
  ) : (
    <MeetingForm key={`${version}`} inspectionId={inspectionId} meeting={loaded.data} onSaved={() => setVersion((v) => v + 1)} />
  );
}

function MeetingForm({ inspectionId, meeting, onSaved }: { inspectionId: number; meeting: FeedbackMeeting | null; onSaved: () => void }) {
  const t = useT();
  const formatDate = useFormatDate();
  const { user } = useActiveStatus();
  const mayWrite = roleMay(user.role, 'documents.write');
  const [heldOn, setHeldOn] = useState<string | null>(meeting?.heldOn ?? null);
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [note, setNote] = useState(meeting?.note ?? '');
  const [attendees, setAttendees] = useState<Attendee[]>(meeting?.attendees.length ? meeting.attendees : [{ name: '', capacity: 'leadingGroup', position: '' }]);
  const [problems, setProblems] = useState<string[]>([]);
  const { busy, error, run } = useSubmit();

  const setAttendee = (index: number, patch: Partial<Attendee>) => setAttendees((list) => list.map((row, at) => (at === index ? { ...row, ...patch } : row)));

  const save = async () => {
    const named = attendees.filter((row) => row.name.trim());
    const found: string[] = [];
    if (!heldOn) found.push(t('documents.meeting.needDate'));
    if (!place.trim()) found.push(t('documents.meeting.needPlace'));
    if (named.length === 0) found.push(t('documents.meeting.needAttendee'));
    setProblems(found);
    if (found.length || !heldOn) return;
    await run(
      () => invoke('feedbackMeetings.save', { inspectionId, heldOn, place: place.trim(), note: note.trim(), attendees: named.map((row) => ({ ...row, name: row.name.trim(), position: row.position.trim() })) }),
      () => {
        notifySuccess(t, t('documents.meeting.saved'));
        onSaved();
      },
    );
  };

  return (
    <Stack gap="sm" data-testid="meeting-form">
      {meeting && (
        <Text size="xs" c="dimmed">
          {t('documents.meeting.recorded', { by: meeting.updatedBy ?? '—', at: formatDate(meeting.updatedAt) })}
        </Text>
      )}
      <Group grow align="flex-start">
        <DateField label={t('documents.meeting.heldOn')} value={heldOn} onChange={(value) => mayWrite && setHeldOn(value)} required testId="meeting-heldOn" />
        <TextInput label={t('documents.meeting.place')} value={place} onChange={(event) => setPlace(event.currentTarget.value)} readOnly={!mayWrite} required maxLength={100} data-testid="meeting-place" />
      </Group>
      <Table verticalSpacing={4} data-testid="meeting-attendees">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('documents.meeting.name')}</Table.Th>
            <Table.Th>{t('documents.meeting.capacity')}</Table.Th>
            <Table.Th>{t('documents.meeting.position')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {attendees.map((row, index) => (
            <Table.Tr key={index} data-testid="meeting-attendee">
              <Table.Td>
                <TextInput size="xs" value={row.name} onChange={(event) => setAttendee(index, { name: event.currentTarget.value })} readOnly={!mayWrite} maxLength={40} aria-label={t('documents.meeting.nameOf', { n: index + 1 })} />
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  data={attendeeCapacities.map((value) => ({ value, label: t(`documents.capacity.${value}`) }))}
                  value={row.capacity}
                  onChange={(value) => value && setAttendee(index, { capacity: value as AttendeeCapacity })}
                  allowDeselect={false}
                  readOnly={!mayWrite}
                  aria-label={t('documents.meeting.capacityOf', { n: index + 1 })}
                />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" value={row.position} onChange={(event) => setAttendee(index, { position: event.currentTarget.value })} readOnly={!mayWrite} maxLength={100} aria-label={t('documents.meeting.positionOf', { n: index + 1 })} />
              </Table.Td>
              <Table.Td>
                {mayWrite && (
                  <ActionIcon variant="subtle" color="red" onClick={() => setAttendees((list) => list.filter((_, at) => at !== index))} aria-label={t('documents.meeting.remove', { n: index + 1 })}>
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {mayWrite && (
        <Group>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAttendees((list) => [...list, { name: '', capacity: 'leadingGroup', position: '' }])} data-testid="meeting-add">
            {t('documents.meeting.add')}
          </Button>
        </Group>
      )}
      <Textarea label={t('documents.meeting.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} readOnly={!mayWrite} autosize minRows={2} maxLength={1000} />
      {problems.length > 0 && (
        <Text size="sm" c="red" role="alert">
          {problems.join('；')}
        </Text>
      )}
      <ErrorAlert error={error} />
      {mayWrite && (
        <Group justify="flex-end">
          <Button onClick={() => void save()} loading={busy} data-testid="meeting-save">
            {t('documents.meeting.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
