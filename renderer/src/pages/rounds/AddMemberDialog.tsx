import { Alert, Button, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconUserPlus } from '@tabler/icons-react';
import { useCallback, useState, type FormEvent } from 'react';
import type { Catalogs, Conflict, InspectionGroup, Person } from '../../../../shared/contract';
import type { GroupRole } from '../../../../shared/domain';
import { groupLabel } from '../../../../shared/format';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';
import { CoreErrorAlert } from './CoreErrorAlert';
import { useT } from '../../i18n';
import { ConflictOverrideForm } from './ConflictOverrideForm';
import { conflictsOf } from './conflicts';
import { NewPersonForm } from './NewPersonForm';
import { PersonPicker } from './PersonPicker';
import { isGroupRole, roleOptions } from './roundsFormat';
import { useRemote } from './useRemote';

type Step = { kind: 'pick' } | { kind: 'newPerson' } | { kind: 'override'; conflicts: Conflict[] };

/**
 * 添加成员: a person from the talent pool (or one entered on the spot) and their role. The 回避
 * check runs as soon as a person is chosen; the core has the last word, and a refusal opens
 * the reason form.
 */
export function AddMemberDialog({
  group,
  catalogs,
  onClose,
  onDone,
}: {
  group: InspectionGroup;
  catalogs: Catalogs | null;
  onClose: () => void;
  onDone: (group: InspectionGroup, person: Person) => void;
}) {
  const t = useT();
  const hasLeader = group.members.some((member) => member.role === 'leader');
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [person, setPerson] = useState<Person | null>(null);
  const [role, setRole] = useState<GroupRole>(hasLeader ? 'member' : 'leader');
  const [personError, setPersonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const personId = person?.id ?? null;
  const precheck = useRemote(
    useCallback(
      () => (personId ? invoke('groups.checkConflicts', { groupId: group.id, personId }) : Promise.resolve({ ok: true as const, value: [] })),
      [group.id, personId],
    ),
  );
  const foreseen = personId && !precheck.loading ? (precheck.data ?? []) : [];

  const add = async (overrideReason?: string) => {
    if (!person) return;
    setBusy(true);
    setError(null);
    const result = await invoke('groups.addMember', {
      groupId: group.id,
      personId: person.id,
      role,
      ...(overrideReason ? { overrideReason } : {}),
    });
    setBusy(false);
    if (result.ok) {
      onDone(result.value, person);
      return;
    }
    if (result.error.code === 'CONFLICT_OF_INTEREST' && !overrideReason) {
      setStep({ kind: 'override', conflicts: conflictsOf(result.error.details) });
      return;
    }
    setError(result.error);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!person) {
      setPersonError(t('rounds.member.personRequired'));
      return;
    }
    void add();
  };

  const title =
    step.kind === 'newPerson'
      ? t('rounds.person.create')
      : step.kind === 'override'
        ? t('rounds.override.title')
        : t('rounds.member.addTo', { group: groupLabel(group.number) });

  return (
    <Modal opened onClose={() => !busy && onClose()} title={title} size="lg" centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      {step.kind === 'newPerson' && (
        <NewPersonForm
          catalogs={catalogs}
          onCancel={() => setStep({ kind: 'pick' })}
          onCreated={(created) => {
            setPerson(created);
            setPersonError(null);
            setStep({ kind: 'pick' });
          }}
        />
      )}
      {step.kind === 'override' && person && (
        <ConflictOverrideForm
          person={person.name}
          conflicts={step.conflicts}
          busy={busy}
          error={error}
          onCancel={() => {
            setError(null);
            setStep({ kind: 'pick' });
          }}
          onSubmit={(reason) => void add(reason)}
        />
      )}
      {step.kind === 'pick' && (
        <form onSubmit={submit} noValidate data-testid="member-form">
          <Stack gap="md">
            <PersonPicker
              label={t('rounds.member.person')}
              placeholder={t('rounds.picker.personPlaceholder')}
              required
              selected={person}
              onSelect={(next) => {
                setPerson(next);
                setPersonError(null);
                setError(null);
              }}
              error={personError ?? undefined}
              data-autofocus
              data-testid="member-person"
            />
            <Select
              label={t('rounds.member.role')}
              required
              data={roleOptions(t)}
              value={role}
              onChange={(value) => isGroupRole(value) && setRole(value)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              description={hasLeader ? t('rounds.member.hasLeader') : undefined}
              data-testid="member-role"
            />
            {foreseen.length > 0 && (
              <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('rounds.member.precheck')} data-testid="member-precheck">
                <List size="sm" spacing={2}>
                  {foreseen.map((conflict, index) => (
                    <List.Item key={index}>{conflict.message}</List.Item>
                  ))}
                </List>
                <Text size="xs" c="dimmed" mt={6}>
                  {t('rounds.member.precheck.hint')}
                </Text>
              </Alert>
            )}
            <CoreErrorAlert error={error} />
            <Group justify="space-between">
              <Button
                variant="subtle"
                leftSection={<IconUserPlus size={16} />}
                onClick={() => setStep({ kind: 'newPerson' })}
                disabled={busy}
                data-testid="member-new-person"
              >
                {t('rounds.person.create')}
              </Button>
              <Group gap="sm">
                <Button variant="default" onClick={onClose} disabled={busy}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={busy} data-testid="member-submit">
                  {t('rounds.member.add')}
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
